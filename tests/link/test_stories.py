from claimgraph.link.rules import load_rules
from claimgraph.link.similarity import Idf
from claimgraph.link.stories import Stories, article_words
from claimgraph.model import Document

RULES = load_rules()
DAM = [("a1", "2023-06-06", "The Kakhovka dam was breached overnight and water flooded villages downstream of the dam."),
       ("a2", "2023-06-07", "Villages below the breached Kakhovka dam were flooded; residents fled the rising water."),
       ("a3", "2023-06-08", "Water levels below the Kakhovka dam began to fall as evacuations from flooded villages went on.")]
PRISON = ("b1", "2023-06-07", "An explosion at the Olenivka prison killed prisoners of war held in the barracks.")
OTHER = ("c1", "2023-06-07", "A central bank raised its interest rate to curb inflation in the second quarter.")


def stories_of(*articles):
    documents = [Document(id=i, published=day, text=text) for i, day, text in articles]
    stories = Stories(Idf([article_words(d, RULES) for d in documents]), RULES)
    return [stories.assign(d) for d in documents]


def test_stories_reports_of_one_happening_share_a_story():
    assert len(set(stories_of(*DAM))) == 1


def test_stories_an_article_on_another_topic_opens_its_own():
    found = stories_of(*DAM, PRISON, OTHER)
    assert len(set(found[:3])) == 1 and len(set(found)) == 3


def test_stories_an_article_long_after_the_story_went_quiet_opens_a_new_one():
    late = ("a9", "2025-01-10", DAM[0][2])
    found = stories_of(*DAM, late)
    assert found[3] != found[0]


def test_stories_an_article_keeps_the_story_it_was_given():
    documents = [Document(id=i, published=day, text=text) for i, day, text in DAM]
    stories = Stories(Idf([article_words(d, RULES) for d in documents]), RULES)
    stories.restore("s-stored", documents[0])
    assert stories.assign(documents[0]) == "s-stored" and stories.assign(documents[1]) == "s-stored"
