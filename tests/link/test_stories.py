from claimgraph.link.rules import load_rules
from claimgraph.link.similarity import Idf
from claimgraph.link.stories import Stories, article_words
from claimgraph.model import Document, Place

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


def town(name, geonameid):
    return Place(text=name, span=(0, len(name)), name=name, geonameid=geonameid, lat=50.0, lon=36.0, precision="town")


def stories_of_placed(*articles, languages=()):
    """The stories of articles (id, day, text, places), each in its language when given."""
    documents = [Document(id=i, published=day, text=text, places=places, language=language)
                 for (i, day, text, places), language in zip(articles, languages or [None] * len(articles))]
    stories = Stories(Idf([article_words(d, RULES) for d in documents]), RULES)
    return [stories.assign(d) for d in documents]


# Two short reports of one night's shelling in their own words: they share too few words to meet
# the story threshold on words alone.
FIRST = ("Overnight shelling hit the outskirts of Vovchansk; regional officials reported two homes burned "
         "and a bridge damaged.")
SECOND = ("Vovchansk came under artillery fire again on Friday, the border guard said, and electricity was cut "
          "in several streets.")


def test_stories_short_reports_naming_one_town_days_apart_share_a_story():
    vovchansk = [town("Vovchansk", 689064)]
    found = stories_of_placed(("r1", "2024-05-16", FIRST, vovchansk), ("r2", "2024-05-17", SECOND, vovchansk))
    assert found[0] == found[1]


def test_stories_short_reports_share_no_story_without_a_common_town_or_when_weeks_apart():
    vovchansk = [town("Vovchansk", 689064)]
    assert len(set(stories_of_placed(("r1", "2024-05-16", FIRST, vovchansk), ("r2", "2024-05-17", SECOND, [])))) == 2
    assert len(set(stories_of_placed(("r1", "2024-05-16", FIRST, vovchansk),
                                     ("r2", "2024-06-20", SECOND, vovchansk)))) == 2


# The same night told in Russian: no word in common with the English reports, only the town.
IN_RUSSIAN = "Ночью Волчанск снова попал под обстрел: по данным областных властей, повреждены дома и мост."


def test_stories_a_report_in_another_language_joins_the_story_of_its_places():
    vovchansk = [town("Vovchansk", 689064)]
    articles = [("r1", "2024-05-16", FIRST, vovchansk), ("r2", "2024-05-17", SECOND, vovchansk),
                ("r3", "2024-05-17", IN_RUSSIAN, vovchansk)]
    found = stories_of_placed(*articles, languages=["en", "en", "ru"])
    assert len(set(found)) == 1


def test_stories_places_alone_join_no_story_of_the_same_language_nor_another_town():
    vovchansk, kupiansk = [town("Vovchansk", 689064)], [town("Kupiansk", 704617)]
    unrelated = ("r2", "2024-05-17", OTHER[2], vovchansk)
    assert len(set(stories_of_placed(("r1", "2024-05-16", FIRST, vovchansk), unrelated, languages=["en", "en"]))) == 2
    assert len(set(stories_of_placed(("r1", "2024-05-16", FIRST, vovchansk),
                                     ("r3", "2024-05-17", IN_RUSSIAN, kupiansk), languages=["en", "ru"]))) == 2
