"""Quotes: marks, multi-paragraph quotes, speakers, pronouns, scare quotes, reported speech."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.model import Article
from newsbrief.text.entities import find_entities
from newsbrief.text.quotes import find_quotes


def _quotes(body: str) -> list[tuple[str, str | None, bool]]:
    article = Article.from_text(body, title="")
    return [(q.text, q.speaker, q.direct) for q in article.quotes]


def test_straight_quote_with_trailing_attribution() -> None:
    assert ("We won.", "Lena Hart", True) in _quotes('"We won." Lena Hart said.')


def test_curly_quote_with_inverted_attribution() -> None:
    body = "“It is a fair deal,” said Omar Bekele, the union’s treasurer."
    assert _quotes(body)[0] == ("It is a fair deal,", "Omar Bekele", True)


def test_colon_attribution_before_quote() -> None:
    body = "Lena Hart told reporters: “We will appeal the ruling.”"
    assert _quotes(body)[0] == ("We will appeal the ruling.", "Lena Hart", True)


def test_pronoun_resolves_to_compatible_person() -> None:
    body = ("Maria Vasquez met Daniel Okafor in Lisbon. "
            "“The talks went well,” she said. “We agreed on trade,” he added.")
    quotes = _quotes(body)
    assert quotes[0][:2] == ("The talks went well,", "Maria Vasquez")
    assert quotes[1][:2] == ("We agreed on trade,", "Daniel Okafor")


def test_multi_paragraph_quote_keeps_speaker() -> None:
    body = ("Tomas Reyes said: “The plan is sound.\n\n"
            "“It will cut costs and we will see results by spring.”")
    quotes = _quotes(body)
    assert [q[0] for q in quotes] == [
        "The plan is sound.",
        "It will cut costs and we will see results by spring.",
    ]
    assert {q[1] for q in quotes} == {"Tomas Reyes"}


def test_quote_within_quote_stays_inside() -> None:
    body = "“He told me ‘never again’ and left,” said Ana Quiroga."
    assert _quotes(body) == [("He told me ‘never again’ and left,", "Ana Quiroga", True)]


def test_unnamed_speaker_is_described() -> None:
    body = "“The candidate is exhausted,” a campaign source said."
    assert _quotes(body)[0][1] == "a campaign source"


def test_scare_quotes_are_left_out() -> None:
    body = "The two sides agreed a ‘no limits’ pact and a so-called “reset” of ties."
    assert [q for q in _quotes(body) if q[2]] == []


def test_framing_verb_attributes_a_short_quoted_term() -> None:
    body = "The Kremlin casts the war as a “special operation”."
    assert _quotes(body)[0] == ("special operation", "Kremlin", True)


def test_odd_number_of_marks_does_not_crash() -> None:
    quotes = _quotes("“An unfinished thought, said Lena Hart.\n\nNew paragraph here.")
    assert all(q[0] for q in quotes)


def test_reported_speech_with_that() -> None:
    quotes = _quotes("Lena Hart said that the vote would go ahead in spring.")
    assert quotes == [("the vote would go ahead in spring", "Lena Hart", False)]


def test_reported_speech_inverted() -> None:
    quotes = _quotes("The vote will go ahead in spring, the Election Commission said on Monday.")
    assert quotes == [("The vote will go ahead in spring", "Election Commission", False)]


def test_according_to() -> None:
    quotes = _quotes("According to Lena Hart, the vote will go ahead in spring.")
    assert quotes == [("the vote will go ahead in spring", "Lena Hart", False)]


def test_find_quotes_on_plain_text_without_sentences() -> None:
    body = '"Enough," Lena Hart said.'
    quotes = find_quotes(body, find_entities(body))
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [("Enough,", "Lena Hart", "said")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "‘", "’", "'", " he said", "Lena Hart",
                                  ". ", "\n\n", "word ", ",", " said ", "according to "]),
                max_size=60).map("".join))
def test_quotes_never_raise_and_spans_match(body: str) -> None:
    for q in find_quotes(body, find_entities(body)):
        assert q.span.of(body) == q.text
        if q.speaker_span is not None:
            assert 0 <= q.speaker_span.start <= q.speaker_span.end <= len(body)


def test_transcript_label_names_the_speaker() -> None:
    body = ('Mike Dorn spoke to Fox.\n\n"DORN: We will win this state and the next one.\n\n'
            '"HOST: Thank you, governor.')
    quotes = _quotes(body)
    assert quotes[0][1] == "Mike Dorn"
    assert quotes[1][1] == "Host"


def test_dashed_credit_names_the_speaker() -> None:
    body = "“He is not fit to lead the country.” ― Rosa Mendez\n“Nor is his party.” ― Ivo Petrov"
    assert [q[1] for q in _quotes(body)] == ["Rosa Mendez", "Ivo Petrov"]


def test_participle_cue_takes_the_main_subject() -> None:
    body = 'Lena Hart attacked the plan on Friday, saying, "It will cost us all dearly."'
    assert _quotes(body)[0][:2] == ("It will cost us all dearly.", "Lena Hart")


def test_characterisation_with_as_is_attributed() -> None:
    body = "Lena Hart condemned the test as “reckless” and left."
    assert _quotes(body)[0][:2] == ("reckless", "Lena Hart")


def test_attribute_values_inches_and_show_titles_are_not_quotes() -> None:
    body = ('<tweet author="jdoe" id="12">Omar Bekele is 6\'3" tall.</tweet> '
            'Lena Hart told NBC\'s "Morning Report" nothing new.')
    assert [q for q in _quotes(body) if q[2]] == []
