import pytest

pytestmark = pytest.mark.slow


def test_evidence_tagger_video_platform_publisher(claims_of):
    claims = claims_of("A video posted on Telegram by a local channel purported to show a downed jet.")
    evidence = claims[0].evidence[0]
    assert (evidence.kind, evidence.platform, evidence.publisher) == ("video", "Telegram", "a local channel")


def test_evidence_tagger_verifier_and_method_from_following_sentence(claims_of):
    text = ("Photos show a crater beside the power plant. "
            "We compared the place in the photos with satellite maps and the frames match.")
    claims = claims_of(text)
    assert len(claims) == 1
    assert claims[0].evidence[0].kind == "image"


def test_evidence_tagger_no_evidence_words(claims_of):
    assert claims_of("The river froze early this year.")[0].evidence == []


def test_evidence_tagger_satellite_images_are_one_piece(claims_of):
    claims = claims_of("Satellite images show craters along the runway.")
    assert [e.kind for e in claims[0].evidence] == ["satellite"]
    assert claims[0].status == "confirmed"
