"""Roles and kinds read from the words around names (newsbrief.text.roles).

All sentences are invented; names of people and places are made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.model import Article, Entity, EntityKind, Span
from newsbrief.text.entities import find_entities
from newsbrief.text.quotes import find_quotes
from newsbrief.text.roles import refine_entities, role_lexicon, title_start

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "wire-story.txt"

# sentence -> (name, role the article gives, kind); name None: no entity at all.
CASES: list[tuple[str, str | None, str | None, str | None]] = [
    # A role written before the name, in lower or title case.
    ("Opposition leader Greta Vanholm called the budget reckless.",
     "Greta Vanholm", "Opposition leader", "person"),
    ("Trade union leader Bram Osei said members would strike.",
     "Bram Osei", "Trade union leader", "person"),
    ("The vote was close, said union leader Lotte Fanshaw.",
     "Lotte Fanshaw", "union leader", "person"),
    ("Harbour Board chief executive Mira Castellan said the quay would reopen.",
     "Mira Castellan", "Harbour Board chief executive", "person"),
    ("Health Ministry spokeswoman Dana Okafor said the clinics were full.",
     "Dana Okafor", "Health Ministry spokeswoman", "person"),
    ("The exhibition was chosen by gallery director Ruth Adeyemi last spring.",
     "Ruth Adeyemi", "gallery director", "person"),
    ("Chief executive Pavel Marek said profits had doubled.",
     "Pavel Marek", "Chief executive", "person"),
    ("Gov. Celia Brandt signed the bill on Monday.", "Celia Brandt", "Governor", "person"),
    ("Sen. Owen Dalby voted against the measure.", "Owen Dalby", "Senator", "person"),
    ("A header from defender Luis Carvalho earned a draw.", "Luis Carvalho", "defender", "person"),
    ("Wanderers coach Nadia Petrenko praised the fans.",
     "Nadia Petrenko", "Wanderers coach", "person"),
    ("The plan was approved by board chairman Felix Amadi.",
     "Felix Amadi", "board chairman", "person"),
    ("Police chief Marcus Tell said two men had been arrested.",
     "Marcus Tell", "Police chief", "person"),
    ("Labour MP Anna Keller asked for a vote.", "Anna Keller", "Labour MP", "person"),
    ("Former president Tomas Keller returned to the stage.",
     "Tomas Keller", "Former president", "person"),
    ("Finance Minister Jonas Berg said the deficit would shrink.",
     "Jonas Berg", "Finance Minister", "person"),
    # Role nouns of trades, arts and medicine.
    ("His agent, Tiago Marques, said the deal was done.", "Tiago Marques", "agent", "person"),
    ("Ilka Voss, a neurologist, said the data were weak.", "Ilka Voss", "neurologist", "person"),
    ("Film critic Bruno Alm said the ending failed.", "Bruno Alm", "Film critic", "person"),
    ("The show includes work by the Danish painter Sofie Lund.",
     "Sofie Lund", "Danish painter", "person"),
    ("Oda Brekke, 31, a schoolteacher, fled with her son.", "Oda Brekke", "schoolteacher",
     "person"),
    # A club by the word that opens its name.
    ("Vessby signed the winger from Sporting Tarnova.", "Sporting Tarnova", None,
     "organization"),
    # An appositive closed by an acronym in brackets.
    ("Lise Varga, head of the Harbour Safety Board (HSB), said the quay was closed.",
     "Lise Varga", "head of the Harbour Safety Board", "person"),
    # A title with "of" inside it.
    ("U.S. Secretary of State Nadia Orlov said talks would resume.",
     "Nadia Orlov", "U.S. Secretary of State", "person"),
    ("The plan came from White House Chief of Staff Owen Marsh.",
     "Owen Marsh", "White House Chief of Staff", "person"),
    # Appositives, after or before the name.
    ("Amos Kettering, the agency's chief engineer, said the dam was safe.",
     "Amos Kettering", "the agency's chief engineer", "person"),
    ("Tobias Wren, a spokesman for the ministry, said talks would resume.",
     "Tobias Wren", "spokesman for the ministry", "person"),
    ("Helena Marsk, 54, a former judge, will chair the inquiry.",
     "Helena Marsk", "former judge", "person"),
    ("Ivo Renner, a former judge who became foreign minister last year, said little.",
     "Ivo Renner", "former judge", "person"),
    ("The Brewers Guild said costs had risen. Its chairwoman, Agnes Holt, said prices "
     "would follow.", "Agnes Holt", "Brewers Guild chairwoman", "person"),
    ("Rafael Moreno, the club's new manager, said he was delighted.",
     "Rafael Moreno", "the club's new manager", "person"),
    ("Tory chairman Owen Pryce, who ran the campaign and were said to be furious, left.",
     "Owen Pryce", "Tory chairman", "person"),
    ("Karin Lund, the secretary of the Arts Council, said funding was frozen.",
     "Karin Lund", "secretary of the Arts Council", "person"),
    ("The plan was announced by the head of the agency, Rosa Lindqvist, on Monday.",
     "Rosa Lindqvist", "head of the agency", "person"),
    # No role is invented.
    ("Speaking to reporters, Anna Keller said the deal was done.", "Anna Keller", None, "person"),
    ("Anna Keller, who led the study, said the results were clear.", "Anna Keller", None,
     "person"),
    ("Anna Keller met Tomas Brandt in Lisbon.", "Tomas Brandt", None, "person"),
    # Places and organisations are not people.
    ("Ferries were cancelled at Port Ellery on Sunday.", "Port Ellery", None, "place"),
    ("Thousands gathered at Mount Carrick for the festival.", "Mount Carrick", None, "place"),
    ("The Lindmoor Farmers' Union said the drought was the worst in decades.",
     "Lindmoor Farmers' Union", None, "organization"),
    ("Rovers beat Ashby City 3-1 in the league on Saturday.", "Ashby City", None, "organization"),
    ("The mayor of Ashby City said the bridge would reopen.", "Ashby City", None, "place"),
    ("Brackley City said sales of televisions fell by a fifth.", "Brackley City", None,
     "organization"),
    ("The report was first published by the Fenwick Courier on Friday.",
     "Fenwick Courier", None, "organization"),
    ("The talks in the capital, Norvalla, ended without a deal.", "Norvalla", None, "place"),
    ("Fishing boats crowded the Brenmoor coast all week.", "Brenmoor", None, "place"),
    # A group described by a role noun is not a person (but keeps what it said).
    ("Patients waited for hours. Nurses said the ward was short of staff.", "Nurses", None,
     "other"),
    # A closing quotation mark ends what a role can take in.
    ("'Did he make the right calls? No,' defence lawyer Tomas Brandt said.",
     "Tomas Brandt", "defence lawyer", "person"),
    ("'We deserved it on Sunday.' Carrow City boss Ivo Renner was pleased.",
     "Ivo Renner", "Carrow City boss", "person"),
    ("Players' union chief Owen Dalby said it was fine.",
     "Owen Dalby", "Players' union chief", "person"),
    # A word that only qualifies titles ("under" of "Under Secretary") names no role.
    ("Spieth became the fourth player after Anna Keller, Lena Hart and Mira Castellan to "
     "reach 17 under.", "Anna Keller", None, "person"),
    # An appositive that goes on to name other people is no role.
    ("Winners included Anna Keller, editor Tomas Brandt and Lena Hart.",
     "Anna Keller", None, "person"),
    ("The family, including Rosa Lindqvist, daughter Agnes Holt and her son, flew home.",
     "Rosa Lindqvist", None, "person"),
    # ... but a relation is a role.
    ("Agnes Holt, Tomas Brandt's widow, said the verdict was fair.",
     "Agnes Holt", "Tomas Brandt's widow", "person"),
    # Streets, squares, airports and the like are places, even named after people.
    ("Crowds filled King Edwin Square in Norvalla on Sunday.",
     "King Edwin Square", None, "place"),
    ("Flights were cancelled at Queen Ilse International Airport.",
     "Queen Ilse International Airport", None, "place"),
    ("Tourists queued at the Halden State Building all day.",
     "Halden State Building", None, "place"),
    ("Crystal Palace beat Carrow City 2-1 on Saturday.", "Crystal Palace", None,
     "organization"),
    ("The queen left Kelmsby Palace on Sunday.", "Kelmsby Palace", None, "place"),
    # Companies named by their trade are organisations.
    ("Shares of Veridian Micro Devices jumped 19% on Monday.", "Veridian Micro Devices", None,
     "organization"),
    ("Sunrise Bakery reopened its doors after the flood.", "Sunrise Bakery", None,
     "organization"),
    ("The forecast came from Holbrook Research on Tuesday.", "Holbrook Research", None,
     "organization"),
    ("Tarvik Oil chief financial officer Ines Hallworth resigned.", "Ines Hallworth",
     "Tarvik Oil chief financial officer", "person"),
    # Titles with an abbreviation, job nouns, a courtesy title after the role.
    ("Assistant U.S. Attorney Raymond Okafor told the court the losses were large.",
     "Raymond Okafor", "Assistant U.S. Attorney", "person"),
    ("Meteorologist Franco Bellini said the storm would peak overnight.",
     "Franco Bellini", "Meteorologist", "person"),
    ("Retired firefighter Walter Brandt, 71, said he had lost his savings.",
     "Walter Brandt", "Retired firefighter", "person"),
    ("The state epidemiologist, Dr. Nadia Ferreira, said the outbreak was contained.",
     "Nadia Ferreira", "state epidemiologist", "person"),
    ("Magician and comedian Penn Tiller performed.", "Penn Tiller", "Magician and comedian",
     "person"),
    # ... but not what someone did, two people, or the tail of a quotation.
    ("Gordon Pelley, 61, who served two terms as mayor before resigning, was sentenced.",
     "Gordon Pelley", None, "person"),
    ("The coach sent on Mbeki and winger Jamie Coles for the last ten minutes.",
     "Jamie Coles", "winger", "person"),
    ("Joined by his son Jose Junior, who is on student terms with the club, he watched.",
     "Jose Junior", None, "person"),
    ("'What is the place coming to?' Another resident, Peter Smith, said.",
     "Peter Smith", None, "person"),
    # A relative clause after an appositive role is cut off, however long.
    ('"It is careful work," said Thomas Adeyemi, an astrophysicist at the University of '
     "Cambridge who was not involved in the study.", "Thomas Adeyemi",
     "astrophysicist at the University of Cambridge", "person"),
    ("Eleanor Whitlock, a conductor who spent six decades reviving the works of neglected "
     "composers and became one of the first women to lead a major orchestra, died on Friday.",
     "Eleanor Whitlock", "conductor", "person"),
    ("Delacroix Marcus, a 41-year-old former city council member who ran on a promise to fix "
     "the water system, thanked supporters.", "Delacroix Marcus", "former city council member",
     "person"),
    # A name that fills quotation marks on its own is the title of a work.
    ('The best director award went to Yuki Tanabe for "Paper Lanterns," a drama set in '
     "post-war Osaka.", "Paper Lanterns", None, "other"),
    # Ordinary words at a sentence start are not entities.
    ("Officials said the bridge would reopen.", None, None, None),
    ("Dock workers walked out. Cranes stood idle until noon.", None, None, None),
]


def _entities(text: str) -> tuple[Entity, ...]:
    return Article.from_text("Local news\n\n" + text).entities


@pytest.mark.parametrize(("text", "name", "role", "kind"), CASES)
def test_each_person_has_the_role_the_article_gives_and_the_right_kind(
    text: str, name: str | None, role: str | None, kind: str | None
) -> None:
    entities = _entities(text)
    if name is None:
        assert entities == ()
        return
    by_name = {e.name: e for e in entities}
    assert name in by_name, [e.name for e in entities]
    assert by_name[name].role == role
    assert by_name[name].kind.value == kind


def test_table_has_at_least_25_invented_sentences() -> None:
    assert len(CASES) >= 25


def test_words_of_a_role_are_not_entities_of_their_own() -> None:
    names = [e.name for e in _entities(
        "Chief executive Pavel Marek spoke first. Opposition leader Greta Vanholm replied. "
        "Gov. Celia Brandt left early."
    )]
    assert names and not {"Chief", "Opposition", "Gov"} & set(names)


def test_organisation_named_in_a_role_gets_that_mention() -> None:
    body = ("Valdmoor Rovers won the cup. Rovers manager Sofia Lind said her players had "
            "earned it.")
    rovers = next(e for e in find_entities(body) if e.name == "Valdmoor Rovers")
    assert Span(29, 35) in rovers.mentions
    assert body[29:35] == "Rovers"


def test_plural_possessive_union_is_one_organisation() -> None:
    body = "The Halmoor Nurses' Union welcomed the plan. Union secretary Paul Ekwe said so."
    entities = find_entities(body)
    union = next(e for e in entities if e.kind is EntityKind.ORGANIZATION)
    assert union.name == "Halmoor Nurses' Union"
    assert body[union.mentions[0].start : union.mentions[0].end] == "Halmoor Nurses' Union"
    assert not any(e.name in ("Halmoor Nurses", "Union") for e in entities)
    paul = next(e for e in entities if e.name == "Paul Ekwe")
    assert paul.role == "Union secretary"


def test_surname_alone_joins_the_one_person_who_bears_it() -> None:
    body = ("Chris Dalton and Chris Dalton Jr spoke. Later, after the vote, Dalton, who had "
            "campaigned for weeks, blasted the result.")
    dalton = next(e for e in find_entities(body) if e.name == "Chris Dalton")
    assert "Dalton" in dalton.aliases
    assert Span(63, 69) in dalton.mentions and body[63:69] == "Dalton"


def test_name_whose_first_word_was_cut_as_a_sentence_starter_is_joined_back() -> None:
    body = ("Ships queued outside Port Ellery on Monday, the Ellery Dockers' Union said. "
            "The port reopened on Friday.\n\nPort Ellery had been shut for a week.")
    starts = [0, body.index("The port"), body.index("Port Ellery had")]
    entities = find_entities(body, sentence_starts=starts)
    port = next(e for e in entities if e.name == "Port Ellery")
    assert port.kind is EntityKind.PLACE
    assert len(port.mentions) == 2
    assert not any(e.name == "Ellery" for e in entities)


def test_unchanged_entities_are_returned_as_they_were() -> None:
    body = "Anna Keller met Tomas Brandt in Lisbon."
    entities = find_entities(body)
    refined = refine_entities(body, entities)
    assert all(a is b for a, b in zip(refined, entities, strict=True))


def test_refine_of_nothing_is_nothing() -> None:
    assert refine_entities("", ()) == ()
    assert refine_entities("Some text.", ()) == ()


def test_title_start_finds_an_abbreviated_title_or_role_before_a_name() -> None:
    body = '"It is over," said Rep. Jim Calloway on Friday.'
    name = body.index("Jim")
    assert title_start(body, 0, name) == body.index("Rep.")
    body2 = '"Enough," said European Council President Anna Moor.'
    assert title_start(body2, 0, body2.index("Anna")) == body2.index("European")
    body3 = '"Enough," said Anna Moor.'
    assert title_start(body3, 0, body3.index("Anna")) == body3.index("Anna")


def test_quote_after_a_cue_and_a_title_goes_to_the_named_person() -> None:
    article = Article.from_text(
        "Vote delayed\n\n"
        '"This is a disgrace," said Rep. Jim Calloway, who chairs the committee.'
    )
    quotes = find_quotes(article.body, article.entities, article.sentences)
    assert quotes and quotes[0].speaker == "Jim Calloway"


def test_lexicon_lists_are_loaded_from_package_data() -> None:
    lex = role_lexicon()
    assert "leader" in lex.heads and "union" in lex.modifiers
    assert lex.abbreviations["gov."] == "Governor"
    assert "port" in lex.place_first and "courier" in lex.org_last


@pytest.fixture(scope="module")
def seed() -> Article:
    if not SEED.exists():
        pytest.skip("seed story not available")
    return Article.from_text(SEED.read_text(encoding="utf-8"))


def test_seed_roles_are_unchanged(seed: Article) -> None:
    roles = {e.name: e.role for e in seed.entities if e.kind is EntityKind.PERSON}
    assert roles["Vladimir Putin"] == "Russian President"
    assert roles["William Burns"] == "CIA Director"
    assert roles["Wang Yi"] == "China’s top diplomat"
    assert roles["Nikolai Patrushev"] == "secretary of Russia’s Security Council"
    assert roles["Xi Jinping"] is None
    kinds = {e.name: e.kind for e in seed.entities}
    assert kinds["Kremlin"] is EntityKind.ORGANIZATION
    assert kinds["Beijing"] is EntityKind.PLACE


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab Cd Ef, Port. 's' Union leader Gov. \n")),
               max_size=200))
def test_refined_mentions_always_point_into_the_body(body: str) -> None:
    for entity in find_entities(body):
        assert entity.mentions or entity.headline_mentions
        for span in entity.mentions:
            assert 0 <= span.start < span.end <= len(body)


def test_a_company_noun_before_a_one_word_name_makes_it_a_company() -> None:
    article = Article.from_text(
        "Results\n\nShares in sportswear firm Kelbro rose. Kelbro said it was pleased. "
        "Minister Tomas Ivers told the Vardo newspaper that he agreed. Vardo said so."
    )
    kinds = {e.name: e.kind for e in article.entities}
    assert kinds["Kelbro"] is EntityKind.ORGANIZATION
    assert kinds["Vardo"] is EntityKind.ORGANIZATION
    assert kinds["Tomas Ivers"] is EntityKind.PERSON


def test_a_company_noun_does_not_override_a_place_word_or_a_letter() -> None:
    article = Article.from_text(
        "Budget\n\nHe said 30 percent of the giant Ostrava region budget came from tax. "
        "Their group C game ended 1-1."
    )
    kinds = {e.name: e.kind for e in article.entities}
    assert kinds.get("Ostrava") is not EntityKind.ORGANIZATION
    assert "C" not in kinds or kinds["C"] is not EntityKind.ORGANIZATION


def test_a_courtesy_title_between_the_role_and_the_name_keeps_the_role() -> None:
    roles = {e.name: e.role for e in _entities(
        "Governor Dr. Olga Brandvik opened the session. Later, harbour engineer Dr. Kai "
        "Lunde said the quay was safe."
    ) if e.kind is EntityKind.PERSON}
    assert roles == {"Olga Brandvik": "Governor", "Kai Lunde": "harbour engineer"}


def test_a_title_cut_off_by_an_abbreviation_names_no_one() -> None:
    entities = _entities(
        '"We will find them," said Det. Supt. Ruth Engvall. Tarnwell Chief Executive Dr. '
        "Ilse Morrow said the plant would reopen."
    )
    people = {e.name: e.role for e in entities if e.kind is EntityKind.PERSON}
    assert people == {
        "Ruth Engvall": "Detective Superintendent",
        "Ilse Morrow": "Tarnwell Chief Executive",
    }


def test_a_rank_between_a_role_and_the_name_gives_way_to_the_role() -> None:
    roles = {e.name: e.role for e in _entities(
        "Rebel commander Gen. Amir Tahan said the truce held. Defence Minister Colonel "
        "Ivo Sarr agreed. Attorney General Lena Fiske did not. Brig. Gen. Omar Dede left."
    ) if e.kind is EntityKind.PERSON}
    assert roles == {
        "Amir Tahan": "Rebel commander",
        "Ivo Sarr": "Defence Minister",
        "Lena Fiske": "Attorney General",
        "Omar Dede": "Brigadier General",
    }


def test_a_two_word_name_after_a_place_or_company_noun_is_no_person() -> None:
    kinds = {e.name: e.kind for e in _entities(
        "Shelling hit the village of Dar Umtal. The consultancy Brannock Halvey said so. "
        "Documentary maker Ines Rowe filmed it, and the company Orla Veit said more."
    )}
    assert kinds["Dar Umtal"] is EntityKind.PLACE
    assert kinds["Brannock Halvey"] is EntityKind.ORGANIZATION
    assert kinds["Ines Rowe"] is EntityKind.PERSON


def test_a_role_given_with_a_later_mention_of_the_full_name_is_read() -> None:
    roles = {e.name: e.role for e in _entities(
        "Nils Aune lost the vote. Aune was angry. Aune left early, and Aune did not "
        "speak. Later their leader, Nils Aune, conceded."
    ) if e.kind is EntityKind.PERSON}
    assert roles == {"Nils Aune": "leader"}


def test_a_name_owned_by_a_title_or_saint_is_one_place() -> None:
    kinds = {e.name: e.kind for e in _entities(
        "Crowds gathered on King's Road and outside St. Aldric's Cathedral, then "
        "walked to City Hall on Varrow St. to protest."
    )}
    assert kinds == {
        "King's Road": EntityKind.PLACE,
        "St. Aldric's Cathedral": EntityKind.PLACE,
        "City Hall": EntityKind.PLACE,
        "Varrow St": EntityKind.PLACE,
    }


def _roles(text: str) -> dict[str, str | None]:
    return {e.name: e.role for e in _entities(text) if e.kind is EntityKind.PERSON}


def test_its_opening_a_sentence_is_the_subject_of_the_one_before() -> None:
    roles = _roles("Brandt Motors said it would close a plant. The Lakeland Drivers Union, "
                   "which does not represent Brandt staff, said it was alarmed. Its "
                   "president, Hana Orlik, said talks had failed.")
    assert roles["Hana Orlik"] == "Lakeland Drivers Union president"


def test_current_post_told_first_beats_a_former_one() -> None:
    roles = _roles("The county's chief auditor, Dame Edith Corran, opened an inquiry on "
                   "Monday. Corran, a former high court judge, declined to comment.")
    assert roles["Edith Corran"] == "county's chief auditor"


def test_age_before_a_single_role_noun_is_dropped() -> None:
    roles = _roles("Selin Arda, a 31-year-old nurse, was rescued after two days.")
    assert roles["Selin Arda"] == "nurse"


def test_and_one_of_adds_a_second_description() -> None:
    roles = _roles('"It is worse," said Dr. Ravi Menon, a geologist at the University of '
                   "Marlow and one of the survey's lead authors.")
    assert roles["Ravi Menon"] == "geologist at the University of Marlow"


def test_party_description_with_two_party_words_is_no_person() -> None:
    roles = _roles("Health spokeswoman Orla Brennan attacked the plan. The Social Democrat "
                   "MP said ministers had known for a year.")
    assert set(roles) == {"Orla Brennan"}


def test_lower_case_title_joined_by_of_is_the_role() -> None:
    roles = _roles("Labour member of parliament Tomas Greer said the plan had failed.")
    assert roles["Tomas Greer"] == "Labour member of parliament"


def test_defending_champion_keeps_its_qualifier_but_a_verb_does_not() -> None:
    roles = _roles("Ilse Varn beat defending champion Mara Kell in the final. Lawyers "
                   "defending former bank chief Otto Brun appealed.")
    assert roles["Mara Kell"] == "defending champion"
    assert roles["Otto Brun"] == "former bank chief"


def test_post_from_who_clause_beats_a_relation_and_fills_a_missing_role() -> None:
    roles = _roles("Anders Holt runs a mill. His brother, Nils Holt, who chairs the Tarn "
                   "Chamber of Commerce, disagreed. Mia Sand, who owns a bakery in Tarn and "
                   "employs six people, agreed.")
    assert roles["Nils Holt"] == "chair of the Tarn Chamber of Commerce"
    assert roles["Mia Sand"] == "owner of a bakery in Tarn"


def test_appositive_naming_a_firm_makes_an_organisation() -> None:
    ents = {e.name: e.kind for e in _entities(
        "Ola Brenn was paid by Marsden Strategy, a consultancy whose clients include two "
        "banks. Students gathered. Left, a group of students eats lunch.")}
    assert ents["Marsden Strategy"] is EntityKind.ORGANIZATION
    assert ents.get("Left") is not EntityKind.ORGANIZATION


def test_saint_possessive_alone_is_the_place_named_after_the_saint() -> None:
    ents = {e.name: e for e in _entities(
        "Nurses picketed St Brennan's Hospital in Tarn. At St Brennan's, patients waited.")}
    assert "St Brennan" not in ents
    assert len(ents["St Brennan's Hospital"].mentions) == 2
