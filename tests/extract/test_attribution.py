import pytest
import spacy
from spacy.tokens import Doc

from claimgraph.extract.attribution import attribution_finder, is_bare_participle
from claimgraph.extract.source_mentions import SourceNames
from claimgraph.extract.attribution_model import CueModel, subject_link
from claimgraph.extract.convert import attribution_links, source_chain

pytestmark = pytest.mark.slow


def chains(claims):
    return [[link.name for link in claim.source_chain] for claim in claims]


def test_attribution_said_with_that_clause(claims_of):
    claims = claims_of("The regional governor said that two bridges were damaged overnight.")
    assert chains(claims) == [["The regional governor"]]
    assert claims[0].source_chain[0].cue == "said"
    assert claims[0].source_chain[0].kind == "official"


def test_attribution_according_to(claims_of):
    claims = claims_of("According to local residents, the market burned for six hours.")
    assert chains(claims) == [["local residents"]]
    assert claims[0].source_chain[0].kind == "witness"


def test_attribution_parenthetical_cue_and_coreference(claims_of):
    text = ("An aide to the harbour master said the port was closed. "
            "Ships waited offshore, the aide said, until the mines were cleared.")
    claims = claims_of(text)
    assert chains(claims)[-1] == ["An aide to the harbour master"]
    assert claims[-1].source_chain[0].span == (text.index("the aide"), text.index("the aide") + len("the aide"))


def test_attribution_surname_is_not_taken_for_someone_named_by_it(claims_of):
    text = ("An aide to Governor Maria Okafor said the port was closed. "
            "Okafor asked the navy to clear the mines. "
            "The port's director, Captain Ivan Lutsenko, said ships were waiting. Lutsenko said the queue was long.")
    names = [link.name for claim in claims_of(text) for link in claim.source_chain]
    assert names[0] == "An aide to Governor Maria Okafor"
    assert "Okafor" in names and names[-1] == "The port's director, Captain Ivan Lutsenko"
    # the parser hangs the appositive name on "Nova Kakhovka"; it still names the mayor
    text = ("The Russian-installed mayor of Nova Kakhovka, Vladimir Leontyev, said the dam was hit. "
            "Leontyev said people were moved.")
    names = [link.name for claim in claims_of(text) for link in claim.source_chain]
    assert names == ["The Russian-installed mayor of Nova Kakhovka, Vladimir Leontyev"] * 2


def test_attribution_stance_claim_keeps_its_actor(claims_of):
    claims = claims_of("Seeking more help, the mayor is now asking the region to send fuel trucks.")
    assert claims[0].text.startswith("Seeking more help, the mayor is now asking")
    assert chains(claims) == [["the mayor"]]


def test_attribution_which_standing_for_a_clause_is_no_source(claims_of):
    inferred = claims_of("The crater lies east of Kherson, which suggests the strike came from the river.")
    assert all(not claim.source_chain for claim in inferred)
    reported = claims_of("The agency published a report, which suggests the strike came from the river.")
    assert any(claim.source_chain for claim in reported)


def test_attribution_block_quote_relays_following_paragraphs(claims_of):
    text = ("From the Morning Ledger:\n\n"
            "\u201cThe garrison commander said his men held the airfield.\u201d\n\n"
            "Nothing else was reported.")
    claims = claims_of(text)
    assert chains(claims)[0] == ["The garrison commander", "the Morning Ledger"]
    assert chains(claims)[-1] == []


def test_attribution_signed_social_post(claims_of):
    text = ("Footage shows a burning fuel depot outside the town. "
            "\u2014 Frontline Watch (@frontline_watch) May 3, 2024\n\nThe mayor made no comment.")
    claims = claims_of(text)
    assert chains(claims)[0] == ["Frontline Watch"]
    assert claims[0].source_chain[0].kind == "social"


def test_attribution_signed_quote_at_line_end(claims_of):
    text = ("\u201cThe council waited too long to repair the bridge.\u201d \u2015 Ana Ruiz\n"
            "\u201cThe ferry should run all winter.\u201d\u2015 Tom Hale.\n\nRain fell.")
    claims = claims_of(text)
    assert chains(claims) == [["Ana Ruiz"], ["Tom Hale"], []]
    assert claims[0].source_chain[0].span == (text.index("Ana"), text.index("Ana") + len("Ana Ruiz"))


def test_attribution_signature_on_the_next_line(claims_of):
    claims = claims_of("\u201cThe council waited too long to repair the bridge.\u201d\n\u2014 Ana Ruiz\n\nRain fell.")
    assert chains(claims) == [["Ana Ruiz"], []]


def test_attribution_dash_after_a_quoted_phrase_is_no_signature(claims_of):
    claims = claims_of("The plan was \u201ca failure\u201d \u2014 Ana Ruiz\n\nRain fell.")
    assert chains(claims)[0] == []


def test_attribution_anonymous_source(claims_of):
    claims = claims_of("Officials said the convoy turned back at the checkpoint.")
    assert claims[0].source_chain[0].kind == "anonymous"


def test_attribution_headline_name_colon(claims_of):
    claims = claims_of("Mayor Okafor: Water Supply Restored In Eastern Districts\n\nCrews worked all night.")
    assert chains(claims)[0] == ["Mayor Okafor"]


def test_attribution_transcript_turns_inside_quotation_marks(claims_of):
    text = ("Part of the interview follows.\n\n\"OKAFOR: The water supply was restored on Monday.\n\n"
            "\"BRENNAN: The pumps in the eastern districts still fail.")
    assert chains(claims_of(text))[1:] == [["OKAFOR"], ["BRENNAN"]]


def test_attribution_headline_name_the_tagger_took_for_a_noun(claims_of):
    claims = claims_of("Poll: Water Supply Restored In Eastern Districts\n\nCrews worked all night.")
    assert chains(claims)[0] == ["Poll"]
    claims = claims_of("Clarification: Water Supply Restored In Eastern Districts\n\nCrews worked all night.")
    assert chains(claims)[0] == []


def test_attribution_statement_noun_with_its_owner(claims_of):
    claims = claims_of("The storm came a day after the mayor's claim that the bridge was safe.")
    assert [c.text for c in claims] == ["The storm came a day after the mayor's claim", "the bridge was safe"]
    assert chains(claims) == [[], ["the mayor's"]]
    assert claims[1].source_chain[0].cue == "claim"
    claims = claims_of("The fine followed a report by the agency that the bank had opened fake accounts.")
    assert chains(claims)[-1] == ["the agency"]


def test_attribution_statement_noun_without_owner_or_with_a_relative_clause(claims_of):
    assert chains(claims_of("The storm came a day after the claim that the bridge was safe.")) == [[]]
    claims = claims_of("The mayor's report that reached the council was short.")
    assert all(link.cue != "report" for claim in claims for link in claim.source_chain)


def test_attribution_relative_clause_around_its_cue(claims_of):
    claims = claims_of("The council rejected the contracts, which the mayor said were legal.")
    assert chains(claims)[-1][0] == "the mayor"  # inside the council's stance
    assert claims[-1].text == "which were legal"


def test_attribution_cue_cut_from_its_question_by_the_sentence_splitter(claims_of):
    claims = claims_of("\u201cHow many times must the bridge fall before we act?\u201d the mayor asked.\n\nRain fell.")
    assert chains(claims) == [["the mayor"], []]
    claims = claims_of("\u201cThe old bridge fell again. Why must we wait for it to fall twice?\u201d the mayor asked.")
    assert chains(claims) == [["the mayor"], ["the mayor"]]
    claims = claims_of("The old bridge fell into the river. The mayor agreed.\n\nRain fell.")
    assert chains(claims)[0] == []


def test_attribution_quoted_phrase_without_verb_makes_a_stance(claims_of):
    claims = claims_of("The senator condemned the budget as \u201ca grave threat.\u201d")
    assert chains(claims) == [["The senator"]]
    assert "condemned the budget" in claims[0].text


def test_attribution_title_case_headline_cue_by_word_form(claims_of):
    claims = claims_of("Harbour Workers Vow To Strike Over Unpaid Wages\n\nThe port stayed open on Monday.")
    assert chains(claims)[0] == ["Harbour Workers"]
    assert chains(claims)[-1] == []


def test_attribution_title_case_headline_with_its_cue_at_the_end(claims_of):
    claims = claims_of("Rebel Troops Shell Kherson Power Plant Overnight, Local Officials Say\n\n"
                       "KHERSON, Ukraine (Wire) - Rebel gunners opened fire on the plant overnight.")
    assert (claims[0].text, chains(claims)[0]) == ("Rebel Troops Shell Kherson Power Plant Overnight",
                                                   ["Local Officials"])


def test_attribution_title_cue_forms():
    from claimgraph.extract.attribution_lines import title_cue
    verbs = {"vow", "deny", "rip", "say"}
    assert title_cue("vows", "okafor", verbs) and title_cue("denies", "mayor", verbs)
    assert title_cue("rip", "lawmakers", verbs) and not title_cue("rip", "mayor", verbs)
    assert not title_cue("votes", "mayor", verbs)


def test_attribution_first_person_inside_quote_is_not_a_new_source(claims_of):
    claims = claims_of("\u201cI think the talks will fail,\u201d the envoy said.")
    assert chains(claims) == [["the envoy"]]


def test_attribution_unattributed_sentence_has_empty_chain(claims_of):
    assert chains(claims_of("Heavy rain flooded the lower town on Tuesday.")) == [[]]


def test_attribution_quote_goes_on_in_next_sentence(claims_of):
    claims = claims_of("\u201cWe held the ridge,\u201d the sergeant said. \u201cNobody retreated.\u201d\n\nRain fell.")
    assert chains(claims) == [["the sergeant"], ["the sergeant"], []]


def test_attribution_stance_verb_is_its_own_claim(claims_of):
    claims = claims_of("The foreign minister praised the ceasefire agreement.")
    assert [c.text for c in claims] == ["The foreign minister praised the ceasefire agreement"]
    assert chains(claims) == [["The foreign minister"]]
    assert claims[0].status == "reported"


def test_attribution_passive_agent_is_the_source(claims_of):
    text = "The ceasefire plan was endorsed by the foreign minister."
    claims = claims_of(text)
    assert chains(claims) == [["the foreign minister"]]
    assert claims[0].source_chain[0].span == (text.index("the foreign"), text.index("."))


def test_attribution_headline_label_is_no_speaker(claims_of):
    claims = claims_of("Wow: Water Supply Restored In Eastern Districts\n\nCrews worked all night.")
    assert chains(claims)[0] == []


def test_attribution_one_source_twice_keeps_the_named_mention(claims_of):
    claims = claims_of("The harbour master said he had warned that the port would close.")
    assert [(link.name, link.span, link.cue) for link in claims[0].source_chain] == [
        ("The harbour master", (0, 18), "said")]


def test_attribution_relative_pronoun_source_is_named_by_its_noun(claims_of):
    claims = claims_of("Reporters met the governor, who criticized the new curfew.")
    assert chains(claims) == [[], ["the governor"]]


def test_attribution_quotation_opened_sentences_before_its_cue(claims_of):
    claims = claims_of("\u201cThe bridge is gone. We cannot cross,\u201d the ferryman said.\n\nRain fell.")
    assert chains(claims) == [["the ferryman"], ["the ferryman"], []]


def test_attribution_curly_quotation_closed_by_a_straight_mark_keeps_its_speaker(claims_of):
    text = ("A harbour pilot, Anna Berg, spoke on Monday. “We will check the logs. I cannot tell whether the "
            "buoy was hit,\" she said. The port authority said the channel was closed.")
    claims = claims_of(text)
    assert chains(claims)[-2:] == [["she"], ["The port authority"]]


def test_attribution_misparsed_subject_is_no_inverted_quotation(claims_of):
    text = ("The army has said its troops are holding back the attack. Residents interviewed by local radio, "
            "however, described foreign armoured vehicles on the outskirts of their villages, and some said "
            "they had left with only the clothes they were wearing.")
    names = [link.name for claim in claims_of(text) for link in claim.source_chain]
    assert "foreign armoured vehicles" not in names


def test_attribution_apposition_before_a_subjectless_cue_is_the_speaker(claims_of):
    # the parser hangs the spokeswoman on "one-off" and gives "told" the subject "It"
    claims = claims_of("It was not a one-off -- Maria Zakharova, a spokeswoman for the foreign ministry, "
                       "told TASS that Kyiv had planned the raid for months.")
    raid = next(claim for claim in claims if claim.text.startswith("Kyiv had planned"))
    assert [link.name for link in raid.source_chain] == ["Maria Zakharova, a spokeswoman for the foreign ministry"]
    assert raid.status == "reported"


def test_attribution_closing_cue_reports_the_words_before_its_comma(claims_of):
    # the parser takes "Shelling" for a gerund on "said", so "said" has no clause of its own
    claims = claims_of("Shelling hit Kharkiv's north on Monday, the region's governor said.")
    assert [(claim.text, chain) for claim, chain in zip(claims, chains(claims))] == [
        ("Shelling hit Kharkiv's north on Monday", ["the region's governor"])]


def test_attribution_closing_cue_after_words_without_a_finite_verb_reports_nothing(claims_of):
    claims = claims_of("Speaking on television, the governor said.")
    assert all(claim.text != "Speaking on television" for claim in claims)


def test_attribution_speaker_in_a_with_phrase(claims_of):
    claims = claims_of("Fighting continued for a third day, with military bloggers saying the town "
                       "was nearly surrounded.")
    assert [(c.text, chain) for c, chain in zip(claims, chains(claims))] == [
        ("Fighting continued for a third day", []), ("the town was nearly surrounded", ["military bloggers"])]


def test_attribution_quotation_closing_before_its_cue_after_opening_sentences_earlier(claims_of):
    text = ('"We are holding. We will not give them another metre," a platoon commander, who gave '
            'only his call sign, told our reporter by phone.')
    claims = claims_of(text)
    assert [(c.text, chain) for c, chain in zip(claims, chains(claims))] == [
        ("We are holding", ["a platoon commander"]), ("We will not give them another metre", ["a platoon commander"])]


def test_attribution_a_party_denying_a_claim_is_no_relay_of_it(claims_of):
    claims = claims_of("Russia says it has taken a village near Pokrovsk; Kyiv denies.")
    taken = next(c for c in claims if "taken" in c.text)
    assert [link.name for link in taken.source_chain] == ["Russia"]
    assert taken.status == "denied"


def test_attribution_the_us_is_no_first_person(claims_of):
    assert chains(claims_of("The US said the strikes were lawful.")) == [["The US"]]
    assert chains(claims_of("The US's ambassador said the vote was delayed.")) == [["The US's ambassador"]]


def test_attribution_stance_leaves_out_a_coordinated_clause_with_its_own_subject(claims_of):
    claims = claims_of("DeepState did not publish its own estimate of the area, and the Herald could "
                       "not verify the map's markings independently.")
    verify = next(c for c in claims if "could not verify" in c.text)
    assert verify.source_chain == [] and verify.status == "unverified"


def test_attribution_stance_leaves_out_the_acts_its_speaker_goes_on_to_do(claims_of):
    claims = claims_of("The government has responded to the rebel raid by vowing to crush the movement, "
                       "cutting off water to the northern province and shelling its towns.")
    shelling = next(c for c in claims if "shelling its towns" in c.text)
    assert shelling.source_chain == [] and shelling.status == "asserted"


def test_attribution_adding_after_a_sentence_the_parser_left_without_a_verb(claims_of):
    # a long relative clause after the subject makes the parser take the name for the root
    claims = claims_of("Korvat, whose raid last month killed more than 300 villagers and started the conflict, "
                       "called Monday's strike on the market \"a cowardly crime,\u201d adding in a written note that "
                       "most of the dead were farmers, traders and children.")
    added = next(c for c in claims if c.text.startswith("most of the dead"))
    assert [s.name for s in added.source_chain] == ["Korvat"] and added.status == "reported"
    assert all(not c.text.startswith("Korvat") or c.source_chain for c in claims)


def test_attribution_cue_the_parser_hung_inside_the_relative_clause_of_a_verbless_sentence(claims_of):
    claims = claims_of("Korvat, whose raid last month killed more than 300 villagers and started the conflict, "
                       "called Monday's strike on the market \"a cowardly crime,\u201d adding in a written note that "
                       "most of the dead were farmers, traders and children.")
    verdict = next(c for c in claims if "cowardly crime" in c.text)
    assert [s.name for s in verdict.source_chain] == ["Korvat"] and verdict.event_type == "strike"
    raid = next(c for c in claims if "raid" in c.text)
    assert "called" not in raid.text


@pytest.mark.parametrize("text", [
    "The governor ordered every resident of the riverside villages to leave by noon.",
    "The general instructed the garrison to withdraw from the island.",
])
def test_attribution_an_order_is_an_act_the_writer_tells_of(claims_of, text):
    # the one who gives an order acts; the writer is the source, as for any other act
    [claim] = claims_of(text)
    assert claim.source_chain == [] and claim.status == "asserted"


def test_attribution_a_request_stays_its_makers(claims_of):
    [claim] = claims_of("The mayor urged residents to leave the riverside villages.")
    assert [s.name for s in claim.source_chain] == ["The mayor"]


def test_attribution_outcome_of_an_announced_happening_stays_announced(claims_of):
    claims = claims_of("The ministry announced a missile strike on the depot, killing four guards.")
    killing = next(c for c in claims if "killing four guards" in c.text)
    assert chains([killing]) == [["The ministry"]]


def test_attribution_a_happening_is_no_source(claims_of):
    claims = claims_of("A drone attack on the depot showed that the air defences were thin, officials said.")
    assert chains(claims) == [["officials"]]


def test_attribution_an_accusation_beside_its_quotation_is_a_claim_too(claims_of):
    claims = claims_of("The army's command accused the rebels of shelling the depot in Marinka and killing "
                       "soldiers it had captured, \u201cto hide the abuse of prisoners held there.\u201d")
    accusation = next(c for c in claims if "of shelling the depot" in c.text)
    assert accusation.text.startswith("The army's command accused the rebels")
    assert chains([accusation]) == [["The army's command"]] and accusation.event_type == "strike"
    assert any(c.text == "to hide the abuse of prisoners held there" for c in claims)


def test_attribution_telling_a_medium_beside_a_quotation_is_no_claim(claims_of):
    claims = claims_of("The governor told state-run television the bridge was closed, adding that it was "
                       "\u201cstill standing.\u201d")
    assert not any(c.text.startswith("The governor told") for c in claims)


def test_attribution_inverted_cue_after_quotation(claims_of):
    assert chains(claims_of("\u201cThe road is open again,\u201d wrote one resident.")) == [["one resident"]]


def test_attribution_records_show_is_a_document_source(claims_of):
    claims = claims_of("The mayor paid the contractor twice, campaign finance records show.")
    assert [(link.name, link.kind) for link in claims[0].source_chain] == [("campaign finance records", "document")]
    assert claims[0].status == "confirmed"


def test_attribution_closing_document_cue_the_parser_took_for_a_noun(claims_of):
    # "show" parsed as a noun in apposition to the date
    claims = claims_of("A firm called Delta Works gave $3,000 to the committee on May 2, 2013, "
                       "campaign finance records show.")
    assert [(c.text, [(link.name, link.kind) for link in c.source_chain], c.status) for c in claims] == [
        ("A firm called Delta Works gave $3,000 to the committee on May 2, 2013",
         [("campaign finance records", "document")], "confirmed")]


def test_attribution_learned_cue_beyond_the_word_lists(claims_of):
    claims = claims_of("The governor hopes the talks will succeed.")
    assert chains(claims) == [["The governor"]]


def test_attribution_refusal_to_comment_reports_nothing(claims_of):
    assert chains(claims_of("The ministry declined to comment on the report.")) == [[]]
    assert chains(claims_of("A ministry spokesman declined to discuss the convoy.")) == [[]]


def test_attribution_first_person_owner_is_no_new_source(claims_of):
    assert chains(claims_of("Our reporters confirmed the damage to the bridge.")) == [[]]


def hand_parsed(words, heads, deps, tags, lemmas):
    pos = ["PUNCT" if t in ("``", "''", ",", ".") else "NOUN" if t.startswith("N") else
           "DET" if t == "DT" else "CCONJ" if t == "CC" else "ADJ" if t == "JJ" else "VERB" for t in tags]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def test_attribution_interrupted_quotation_keeps_the_cue_out_of_both_contents():
    doc = hand_parsed(
        ["“", "The", "dam", "held", ",", "”", "the", "engineer", "said", ",", "“", "and", "the", "town", "stayed",
         "dry", ".", "”"],
        [3, 2, 3, 8, 8, 8, 7, 8, 8, 8, 8, 14, 13, 14, 8, 14, 8, 8],
        ["punct", "det", "nsubj", "ccomp", "punct", "punct", "det", "nsubj", "ROOT", "punct", "punct", "cc", "det",
         "nsubj", "ccomp", "acomp", "punct", "punct"],
        ["``", "DT", "NN", "VBD", ",", "''", "DT", "NN", "VBD", ",", "``", "CC", "DT", "NN", "VBD", "JJ", ".", "''"],
        ["“", "the", "dam", "hold", ",", "”", "the", "engineer", "say", ",", "“", "and", "the", "town", "stay", "dry",
         ".", "”"])
    finder = attribution_finder(CueModel({"lemma=say": 5.0}, threshold=0.6, unlisted_stance_threshold=0.9))
    contents = [doc[slice(*a["content"])].text for a in finder(doc)._.cg_attributions]
    assert contents == ["The dam held", "and the town stayed dry"]


def test_attribution_bare_participle_is_no_cue():
    doc = hand_parsed(["Units", "believed", "to", "be", "near", "had", "left"], [1, 6, 3, 1, 3, 6, 6],
                      ["nsubj", "nsubj", "aux", "xcomp", "acomp", "aux", "ROOT"],
                      ["NNS", "VBN", "TO", "VB", "RB", "VBD", "VBN"],
                      ["unit", "believe", "to", "be", "near", "have", "leave"])
    assert is_bare_participle(doc[1]) and not is_bare_participle(doc[6])


def test_attribution_past_tense_tagged_as_participle_is_a_cue():
    doc = hand_parsed(["Regulators", "worried", "that", "the", "mine", "would", "close"], [1, 1, 6, 4, 6, 6, 1],
                      ["nsubj", "ROOT", "mark", "det", "nsubj", "aux", "ccomp"],
                      ["NNS", "VBN", "IN", "DT", "NN", "MD", "VB"],
                      ["regulator", "worry", "that", "the", "mine", "would", "close"])
    assert not is_bare_participle(doc[1])
    assert [(cue.text, subject.text) for cue, subject in empty_finder().candidates(doc[:])][0] == ("worried", "Regulators")
    raised = hand_parsed(["Units", "believed", "to", "be", "near"], [1, 1, 3, 1, 3],
                         ["nsubj", "ROOT", "aux", "xcomp", "acomp"], ["NNS", "VBN", "TO", "VB", "RB"],
                         ["unit", "believe", "to", "be", "near"])
    assert is_bare_participle(raised[1])  # a participle of belief before its infinitive


def empty_finder():
    return attribution_finder(CueModel({}, threshold=0.6, unlisted_stance_threshold=0.9))


def test_attribution_verb_under_a_preposition_shares_the_clause_subject():
    doc = hand_parsed(["The", "mayor", "won", "by", "citing", "figures", "."], [1, 2, 2, 2, 3, 4, 2],
                      ["det", "nsubj", "ROOT", "prep", "pcomp", "dobj", "punct"],
                      ["DT", "NN", "VBD", "IN", "VBG", "NNS", "."],
                      ["the", "mayor", "win", "by", "cite", "figure", "."])
    pairs = [(cue.text, subject.text) for cue, subject in empty_finder().candidates(doc[:])]
    assert ("citing", "mayor") in pairs
    assert subject_link(doc[4], doc[1]) == "inherited"
    assert empty_finder()(doc)._.cg_attributions == []  # "citing X" is no "according to X"


def test_attribution_source_names_find_the_latest_other_wording():
    names = SourceNames()
    names.add("Mayor Ana Okafor", [("last", "Okafor"), ("head", "Okafor")], "Mayor Ana Okafor")
    names.add("Okafor", [("last", "Okafor"), ("head", "Okafor")], "Mayor Ana Okafor")
    names.add("the adviser", [("last", "adviser"), ("head", "adviser")], "the adviser")
    assert names.latest([("last", "Okafor")], "Okafor") == "Mayor Ana Okafor"
    assert names.latest([("head", "adviser")], "the adviser") is None  # the same words: no earlier name
    assert names.last == "the adviser" and names.count == 3


def test_attribution_links_keep_each_cue_that_the_chain_names_once():
    doc = hand_parsed(["The", "mayor", "said", "she", "hoped", "the", "port", "would", "close", "."],
                      [1, 2, 2, 4, 2, 6, 8, 8, 4, 2],
                      ["det", "nsubj", "ROOT", "nsubj", "ccomp", "det", "nsubj", "aux", "ccomp", "punct"],
                      ["DT", "NN", "VBD", "PRP", "VBD", "DT", "NN", "MD", "VB", "."],
                      ["the", "mayor", "say", "she", "hope", "the", "port", "would", "close", "."])
    finder = attribution_finder(CueModel({"lemma=say": 5.0, "lemma=hope": 5.0}, threshold=0.6,
                                         unlisted_stance_threshold=0.9))
    claim = {"head": 8}  # "the port would close"
    links = attribution_links(finder(doc), claim)
    assert [(link.name, link.cue) for link in links] == [("The mayor", "hoped"), ("The mayor", "said")]
    assert [link.cue for link in source_chain(doc, claim)] == ["said"]


def test_attribution_source_name_leaves_out_what_describes_the_source(claims_of):
    text = ("The harbour pilots' union, which first reported the closure on Monday, said that "
            "three tankers were turned back. The port authority on Tuesday said the channel was cleared.")
    claims = claims_of(text)
    assert chains(claims) == [["The harbour pilots' union"], ["The port authority"]]
    assert claims[0].source_chain[0].span[1] > text.index("Monday")  # the mention keeps its words


def test_attribution_source_name_ends_before_a_describing_clause_with_a_time_in_it(claims_of):
    claims = claims_of("The militia, whose raid last week burned two villages, said that most of the wounded were farmers.")
    assert chains(claims) == [["The militia"]]


def test_attribution_source_name_leaves_out_an_age(claims_of):
    claims = claims_of("A ferryman, Petro, 61, said the water was still rising.")
    assert chains(claims) == [["A ferryman, Petro"]]


def test_attribution_source_name_keeps_a_clause_that_names_the_source(claims_of):
    claims = claims_of('A local blogger writing as "River Watch" said the ferry stopped running.')
    assert chains(claims) == [['A local blogger writing as "River Watch']]


def test_attribution_source_after_a_dateline(claims_of):
    text = "PORTVILLE (Coast Desk) — The mayor of Portville said the ferry stopped running on Friday."
    claims = claims_of(text)
    assert chains(claims) == [["The mayor of Portville"]]
    assert claims[0].source_chain[0].span[0] == text.index("The mayor")


def test_attribution_according_to_plan_is_an_idiom(claims_of):
    claims = claims_of("The evacuation of the island went according to plan.")
    assert chains(claims) == [[]]


def test_attribution_second_cue_hung_on_the_first_ones_clause_keeps_the_speaker(claim_nlp):
    doc = claim_nlp("The ministry said the dam had been breached and warned that the river would rise.")
    warned = next(r for r in doc._.cg_attributions if doc[r["cue"][0]: r["cue"][1]].text == "warned")
    assert warned["name"] == "The ministry"


def test_attribution_statement_noun_compounded_with_a_name_tagged_as_noun():
    doc = hand_parsed(["Okafor", "charges", "that", "the", "council", "hid", "costs", "."], [1, 1, 5, 4, 5, 1, 5, 1],
                      ["compound", "ROOT", "mark", "det", "nsubj", "acl", "dobj", "punct"],
                      ["NN", "NNS", "IN", "DT", "NN", "VBD", "NNS", "."],
                      ["okafor", "charge", "that", "the", "council", "hide", "cost", "."])
    found = [(doc[slice(*a["source"])].text, doc[slice(*a["cue"])].text, a["kind"])
             for a in empty_finder()(doc)._.cg_attributions]
    assert found == [("Okafor", "charges", "noun")]


def test_attribution_closing_statement_noun_with_a_relative_clause_names_no_source(claims_of):
    claims = claims_of("Kyiv says the shelling of the city was staged by the occupiers themselves, "
                       "a claim Moscow rejects.")
    assert all("a claim" not in link.name for claim in claims for link in claim.source_chain)


def test_attribution_apposed_teller_in_mid_sentence_reports_the_clause_before_and_what_it_adds(claims_of):
    claims = claims_of("Some 4,000 troops are believed to be massing near Vovchansk, a Ukrainian commander told "
                       "the newspaper, adding that reinforcements had arrived from the south.")
    assert [(c.text, chain) for c, chain in zip(claims, chains(claims))] == [
        ("Some 4,000 troops are believed to be massing near Vovchansk", ["a Ukrainian commander"]),
        ("reinforcements had arrived from the south", ["a Ukrainian commander"])]


def test_attribution_a_speaker_set_against_another_is_not_relayed_by_them(claims_of):
    claims = claims_of("The ministry blamed an air strike, while the army said a rocket had misfired.")
    assert chains(claims) == [["The ministry"], ["the army"]]


def test_attribution_a_contrast_inside_what_someone_says_is_still_relayed_by_them(claims_of):
    claims = claims_of("The ministry said that while the mayor said the bridge stood, it had collapsed.")
    assert chains(claims) == [["the mayor", "The ministry"], ["The ministry"]]


CLAIM = "The shelling of the plant is an act of terror committed by the regime of President Ivan Sorel"


@pytest.mark.parametrize("source, time", [
    ("the Dalmar administration", " on Sunday"),
    ("Valdonian Defense Ministry Spokesman Lieutenant-General Igor Petrov", ""),
    ("Valdonian Defense Ministry Spokesman Lieutenant-General Igor Petrov", " on Monday"),
])
def test_attribution_a_closing_report_after_a_time_or_with_a_hyphenated_title(claims_of, source, time):
    claims = claims_of(f"{CLAIM}, {source} reported{time}.")
    assert [(c.text, chain) for c, chain in zip(claims, chains(claims))] == [(CLAIM, [source])]


def test_attribution_a_more_precise_later_name_keeps_its_words(claims_of):
    text = ("The Ministry of Defense announced a strike on the depot. "
            "The depot burned, the Valdonian Defense Ministry said.")
    assert chains(claims_of(text))[-1] == ["the Valdonian Defense Ministry"]


def test_attribution_an_echoed_accusation_is_its_accusers_relayed(claims_of):
    text = "Earlier on Friday, the harbour office echoed accusations by the port workers' union that the crane was loaded unsafely."
    assert chains(claims_of(text)) == [["the port workers' union", "the harbour office"]]


def test_attribution_a_personal_pronoun_takes_the_person_named_since_the_last_source(claims_of):
    text = ("A senior official of the port authority said the ferry was late. "
            "Dr. Ana Ruiz from the city clinic was operating at the time.\n\n"
            '"There was a strong blast, and the roof fell on the ward," she said.')
    assert chains(claims_of(text))[-1] == ["Dr. Ana Ruiz"]


def test_attribution_a_personal_pronoun_takes_a_person_named_beside_a_subject(claims_of):
    text = ("A senior official of the port authority said the ferry was late. "
            "One nurse, Maria Petrenko, 52, had worked through the night.\n\n"
            '"The roof fell on the ward," she said.')
    assert chains(claims_of(text))[-1] == ["One nurse, Maria Petrenko"]


def test_attribution_a_pronoun_with_no_person_named_since_keeps_the_last_source(claims_of):
    text = ("Dr. Ana Ruiz said the clinic was full. The ferry from the port was late.\n\n"
            '"There was a strong blast," she said.')
    assert chains(claims_of(text))[-1] == ["Dr. Ana Ruiz"]


def test_attribution_a_speaker_named_inside_a_closing_report_is_its_origin(claims_of):
    text = "The port authority has said a tanker struck the pier, harbour newspapers reported."
    assert chains(claims_of(text)) == [["The port authority", "harbour newspapers"]]


@pytest.mark.parametrize("text, chain", [
    ("The inspectors said evidence suggested a fuel leak caused the fire.", ["The inspectors"]),
    ("The harbour office said a review of its logs indicates that the crane was overloaded.", ["The harbour office"]),
])
def test_attribution_evidence_inferring_inside_a_report_is_no_speaker(claims_of, text, chain):
    assert chains(claims_of(text))[0] == chain
