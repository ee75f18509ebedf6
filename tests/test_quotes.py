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


def test_pronouns_follow_given_names_of_many_languages() -> None:
    # Sanne, Olumide, Ilse and Aleksander: the given-names list knows their gender.
    body = ("Sanne Vermeer met Olumide Adeyemi in Utrecht. "
            "“The talks went well,” he said. “We agreed on trade,” she added.")
    assert [q[1] for q in _quotes(body)] == ["Olumide Adeyemi", "Sanne Vermeer"]
    body = ("Aleksander Morv and Ilse Brandt spoke after the vote. "
            "“It was close,” she said. “We will try again,” he said.")
    assert [q[1] for q in _quotes(body)] == ["Ilse Brandt", "Aleksander Morv"]


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


def test_transcript_label_is_not_part_of_the_words_spoken() -> None:
    body = ('Mike Dorn spoke to Fox.\n\n"DORN: We will win this state and the next one.\n\n'
            '"HOST: Thank you, governor.')
    quotes = [q for q in find_quotes(body, find_entities(body)) if q.direct]
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("We will win this state and the next one.", "Mike Dorn", "label"),
        ("Thank you, governor.", "Host", "label"),
    ]
    # The label is the speaker's mention, outside the quote's span.
    assert [q.speaker_span.of(body) for q in quotes if q.speaker_span] == ["DORN", "HOST"]
    assert all(q.span.of(body) == q.text for q in quotes)


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


# -- attribution rules (invented wire copy) ---------------------------------


def _direct(body: str) -> list[tuple[str, str | None]]:
    return [(text, speaker) for text, speaker, direct in _quotes(body) if direct]


def test_short_quote_followed_by_a_preposition_is_a_characterisation_not_a_modifier() -> None:
    body = ('Senator Alma Reyes criticised the tax plan as a "reckless gamble" during a '
            "rally in Denver on Saturday.")
    assert _direct(body) == [("reckless gamble", "Alma Reyes")]


def test_short_quote_used_as_a_modifier_is_still_dropped() -> None:
    body = 'Senator Alma Reyes praised the "no limits" partnership on Saturday.'
    assert _direct(body) == []


def test_subject_of_a_subordinate_clause_after_a_quote_is_not_the_speaker() -> None:
    body = ('Lena Hart was filmed saying, "That makes me smart," when Omar Bekele '
            "blasted her over the unpaid tax bill.")
    assert _direct(body) == [("That makes me smart,", "Lena Hart")]


def test_cue_word_after_a_possessive_is_a_noun_not_the_reporting_verb() -> None:
    body = ('Union treasurer Omar Bekele called Lena Hart\'s remarks on Monday "a dangerous '
            'mistake" for the workers.')
    assert _direct(body) == [("a dangerous mistake", "Omar Bekele")]


def test_mid_sentence_quote_takes_the_cue_before_it_not_a_noun_after_it() -> None:
    body = ('Lena Hart described as "reckless and cruel" an Omar Bekele statement mocking the '
            "striking nurses.")
    assert _direct(body) == [("reckless and cruel", "Lena Hart")]


def test_a_new_statement_after_a_sentence_final_quote_does_not_take_the_quote() -> None:
    body = ('"Prices should recover by the summer," said Lena Hart, a grain trader in Leeds. '
            '"If they drop further I would buy more. This is a very big market." Some critics have '
            "accused the exchange of hiding its losses from members for years.")
    assert [speaker for _, speaker in _direct(body)] == ["Lena Hart", "Lena Hart"]


def test_group_nouns_speak_without_a_determiner() -> None:
    body = ('"The spillway gates could fail in a major flood," Engineers warned on Monday.\n\n'
            'Police say they have "adequate resources" to secure the city during the match.')
    assert _direct(body) == [
        ("The spillway gates could fail in a major flood,", "Engineers"),
        ("adequate resources", "Police"),
    ]


def test_a_persons_aide_or_lawyer_is_not_that_person() -> None:
    body = ('Lena Hart was charged on Monday. "We will appeal the ruling," Lena Hart\'s lawyer '
            'said. "She is innocent," her husband told reporters.')
    speakers = [speaker for _, speaker in _direct(body)]
    assert speakers[0] == "Lena Hart's lawyer"
    assert "Lena Hart" not in speakers


def test_appositive_without_its_closing_comma_keeps_the_named_speaker() -> None:
    body = ('"We are checking our legal options," Omar Bekele, a Northwind spokesman told the '
            "BBC on Tuesday.")
    assert _direct(body) == [("We are checking our legal options,", "Omar Bekele")]


def test_pronoun_does_not_resolve_to_a_person_named_inside_a_quote() -> None:
    body = ("Omar Bekele opened the new jazz school in Leeds on Friday.\n\n"
            '"I learned everything I know from Louis Carter," he said.')
    assert _direct(body) == [("I learned everything I know from Louis Carter,", "Omar Bekele")]


def test_paragraph_of_a_quote_run_into_the_previous_one_restarts_the_quote() -> None:
    body = ('Lena Hart told reporters: "The club is in good shape. "We expect two new signings '
            'before the window closes." The chairman did not comment.')
    assert _direct(body) == [
        ("The club is in good shape.", "Lena Hart"),
        ("We expect two new signings before the window closes.", "Lena Hart"),
    ]


def test_closing_mark_with_nothing_open_ends_a_carried_quote_and_opens_none() -> None:
    body = ('"We reached the border at dawn and waited for hours.\n\n'
            'We saw nothing," the guide said. Officials later closed the road to all traffic.')
    texts = [text for text, _ in _direct(body)]
    assert texts == ["We reached the border at dawn and waited for hours.", "We saw nothing,"]


def test_quote_inside_a_quote_in_the_other_marks_is_part_of_the_outer_quote() -> None:
    body = ('"When they say “flexibility” they mean longer shifts," Lena Hart, the union\'s '
            'treasurer, said.\n\n“They called it a "fair offer" but nobody agreed,” Hart added.')
    assert _direct(body) == [
        ("When they say “flexibility” they mean longer shifts,", "Lena Hart"),
        ('They called it a "fair offer" but nobody agreed,', "Lena Hart"),
    ]


def test_titles_after_episode_of_and_numbered_titles_are_not_quotes() -> None:
    body = ("On Sunday's episode of “Morning Table,” Lena Hart said the vote was rigged. "
            "Omar Bekele's “1984” opens in Leeds next week.")
    assert _direct(body) == []


def test_stage_directions_in_a_transcript_are_not_quotes() -> None:
    body = ('"HOST: Will you stand again?\n\n"(CROSSTALK.)\n\n"HART: I will, and I will win.')
    assert [text for text, _ in _direct(body)] == ["Will you stand again?",
                                                    "I will, and I will win."]


def test_cue_before_a_colon_introduces_the_next_quote_not_the_previous_one() -> None:
    body = ('"We came for the titles," said Omar Bekele. "The kids will ask: \'Why are we '
            'here?\'" The club\'s chairman, Lena Hart, added: "We want him for years."')
    assert [speaker for _, speaker in _direct(body)] == ["Omar Bekele", "Omar Bekele",
                                                         "Lena Hart"]


def test_finite_verb_after_an_appositive_takes_the_person_before_it() -> None:
    body = ('With Northwind Records backing the show, Lena Hart, the festival director, '
            'added: "We will add a second night."')
    assert _direct(body) == [("We will add a second night.", "Lena Hart")]


def test_reporting_verb_inside_another_quote_is_not_the_cue() -> None:
    body = ('Lena Hart opened her mail on Monday. One letter asked: "Did Omar Bekele say he '
            'would resign?" and another "Why is he still in the job after all this?"')
    speakers = dict(_direct(body))
    assert speakers["Why is he still in the job after all this?"] != "Omar Bekele"


def test_a_place_naming_the_speaker_is_not_the_speaker() -> None:
    body = (
        'Ferries to Kellan Island will stop in March. "The fares are unfair," the Kellan '
        'Island regulator said. "We will appeal," Port Halden officials told reporters. '
        '"Not now," Norway later said.'
    )
    assert _direct(body) == [
        ("The fares are unfair,", "the Kellan Island regulator"),
        ("We will appeal,", "Port Halden officials"),
        ("Not now,", "Norway"),
    ]


def test_a_name_at_the_end_of_the_quote_is_not_its_speaker() -> None:
    body = (
        'Northwind will keep the model off the road in Norway. "It will not be sold in '
        'Norway," said Lena Hart, the firm\'s chief. The US said it was "a fair result".'
    )
    assert _direct(body) == [
        ("It will not be sold in Norway,", "Lena Hart"),
        ("a fair result", "US"),
    ]


def test_a_name_modifying_the_role_after_an_inverted_cue_gives_the_person() -> None:
    body = ('"We will appeal," said Port Halden-based Northwind lawyer Omar Bekele. '
            '"Sales are strong," said Northwind chief executive Lena Hart.')
    assert _direct(body) == [("We will appeal,", "Omar Bekele"), ("Sales are strong,", "Lena Hart")]


def test_a_name_after_an_owners_thing_that_is_no_role_is_not_the_source() -> None:
    body = ("Lena Hart runs the Leeds choir. According to Northwind Academy's website Hart "
            "joined the school in 2012, and she has led its choir since the spring of 2015.")
    speakers = [speaker for _, speaker, direct in _quotes(body) if not direct]
    assert "Lena Hart" not in speakers


def test_inverted_reported_speech_ends_before_the_cue() -> None:
    body = "Sales of winter coats fell sharply in March, said Northwind chief executive Lena Hart."
    assert _quotes(body) == [("Sales of winter coats fell sharply in March", "Lena Hart", False)]


def test_words_after_a_cue_without_a_comma_before_it_are_not_the_speaker() -> None:
    body = ("Northwind gave no figures on Monday but it said the new plant would build 900 "
            "vans a year. The three directors denied the charges against them in court.")
    speakers = [speaker for _, speaker, _ in _quotes(body)]
    assert all(s is None or ("plant" not in s and "charges" not in s) for s in speakers)


def test_a_name_modifying_the_noun_before_the_cue_is_not_the_speaker() -> None:
    body = ('Lena Hart will run for mayor. "The ad will air all week," the Hart campaign said. '
            '"No comment," a Northwind spokesman said. "We will win," the Tory leader said.')
    assert [speaker for _, speaker in _direct(body)] == [
        "the Hart campaign", "a Northwind spokesman", "the Tory leader"]


def test_a_definite_role_description_names_the_person_who_holds_the_role() -> None:
    body = ('Tory leader Marta Quill spoke in Leeds on Monday. "We will win the vote," the '
            "Tory leader said.")
    assert _direct(body) == [("We will win the vote,", "Marta Quill")]


def test_a_noun_that_classes_the_name_keeps_the_name_as_speaker() -> None:
    body = "The road will close on Monday, the Interfax news agency said."
    assert [speaker for _, speaker, _ in _quotes(body)] == ["Interfax"]


def test_reported_speech_before_a_courtesy_title_and_name_ends_at_the_comma() -> None:
    body = "Omar Bekele runs Northwind. Sales of winter coats fell in March, Mr Bekele said."
    assert _quotes(body) == [("Sales of winter coats fell in March", "Omar Bekele", False)]


def test_reported_speech_stops_before_the_writers_final_which_clause() -> None:
    body = ("Omar Bekele said the fine was proof of the regulator's bias against Northwind, "
            "which opened an inquiry into the firm last year.")
    assert _quotes(body) == [
        ("the fine was proof of the regulator's bias against Northwind", "Omar Bekele", False)]


def test_a_which_clause_inside_the_content_or_making_a_claim_stays_reported() -> None:
    body = ("Omar Bekele said the deal, which needs approval, would close in May. Lena Hart said "
            "the plan would cut the tax on fuel, which would free up cash for families.")
    assert [text for text, _, _ in _quotes(body)] == [
        "the deal, which needs approval, would close in May",
        "the plan would cut the tax on fuel, which would free up cash for families"]


def test_courtesy_titles_give_the_gender_of_names_the_name_list_does_not_know() -> None:
    body = ('Ellery Oduya met Tobin Brannagh in Leeds on Friday. Ms Oduya chairs the board. '
            '"We agreed a deal," he said. "It took a year," she added.')
    assert [speaker for _, speaker in _direct(body)] == ["Tobin Brannagh", "Ellery Oduya"]


def test_a_surname_that_is_also_a_month_stays_in_the_speakers_name() -> None:
    body = ('The shadow minister for the family, Helen May, said: "These plans are recycled."')
    assert _direct(body) == [("These plans are recycled.", "Helen May")]


def test_reported_speech_after_a_name_set_off_by_commas_follows_the_verb() -> None:
    body = "The union's chief negotiator, Omar Bekele, said the strike would go ahead in June."
    assert _quotes(body) == [("the strike would go ahead in June", "Omar Bekele", False)]


def test_the_place_a_speaker_is_from_is_not_the_speaker() -> None:
    body = ('"It was a complete shock," the retired nurse from Bath, Somerset, said. '
            "Residents in Leeds said the road had been shut for a week.")
    assert [speaker for _, speaker, _ in _quotes(body)] == [
        "the retired nurse from Bath, Somerset", "Residents in Leeds"]


def test_a_courtesy_title_after_an_inverted_cue_does_not_hide_the_speaker() -> None:
    body = ("Omar Bekele teaches law in Leeds. \"It is astonishing,\" said Mr. Bekele, the law "
            "professor. The musical will open in the spring, said Mr Bekele.")
    assert [(speaker, direct) for _, speaker, direct in _quotes(body)] == [
        ("Omar Bekele", True), ("Omar Bekele", False)]


def test_a_name_after_a_cue_before_a_quote_is_the_subject_of_what_was_said() -> None:
    body = ('Omar Bekele runs Northwind. The newspaper claimed Mr Bekele was "increasingly '
            'frustrated" with the talks.')
    assert [speaker for _, speaker in _direct(body)] != ["Omar Bekele"]


def test_he_said_goes_on_quoting_who_spoke_in_the_sentence_before() -> None:
    body = ("Daniel Okafor's rebate was far smaller than promised, Omar Bekele said. "
            '"It is a con," he said.')
    assert _direct(body) == [("It is a con,", "Omar Bekele")]


def test_he_said_after_a_role_description_speaks_goes_to_the_role_holder() -> None:
    body = ("Tory leader Omar Bekele spoke in Leeds. Daniel Okafor liked to boast of his budget, "
            'the Tory leader said. "It is a con," he said.')
    assert _direct(body) == [("It is a con,", "Omar Bekele")]


def test_the_subject_of_a_passive_told_heard_it_and_is_not_the_speaker() -> None:
    body = ("Lena Hart was told that the plant would close in May. Omar Bekele said he had been "
            'told the fans "rushed" the stage.')
    assert "Lena Hart" not in [speaker for _, speaker, _ in _quotes(body)]
    assert _direct(body) == [("rushed", None)]


def test_a_role_noun_describes_an_unnamed_speaker_or_names_its_only_holder() -> None:
    body = ('"It calms anxiety and stress," a pharmacologist said. Judge Omar Bekele heard the '
            'case. "The evidence is thin," the judge said. Swedish striker Ivo Petrov scored '
            'twice. "I will stay," the Uruguayan striker said.')
    assert [speaker for _, speaker in _direct(body)] == [
        "a pharmacologist", "Omar Bekele", "the Uruguayan striker"]


def test_a_cue_whose_subject_names_no_one_does_not_continue_the_last_speaker() -> None:
    body = ('"The school is doing well," Lena Hart said. "It has always been better to talk '
            'than to sue each other in court," the two companies said in a joint statement.')
    assert [speaker for _, speaker in _direct(body)] == ["Lena Hart", None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word", "it's", "-", "—", "(a)", "...", "'", "x-ray", ",", "9"]),
                max_size=10).map(" ".join))
def test_count_words_is_four_six_or_seven_by_runs_of_word_characters(text: str) -> None:
    import re

    from newsbrief.text.quotes import _count_words

    runs = len(re.findall(r"[\w’'\-]+", text))
    assert _count_words(text) == (4 if runs <= 4 else 6 if runs <= 6 else 7)


def test_he_goes_on_with_the_person_an_earlier_he_opening_a_sentence_meant() -> None:
    # "He added ..., should Dalby return": that sentence is still about Tom
    # Varga; the lone surname of a couple later in it is not who "he" is.
    body = (
        "Rona Dalby and her husband Carl Dalby run the party. Its former chairman, Tom Varga, "
        "said the party needed a plan.\n\n"
        "\u201cIt is something you would be a fool not to prepare for,\u201d he said on Monday. "
        "He added a note of caution, should Dalby return to the campaign too soon.\n\n"
        "\u201cShe had better get well first,\u201d he said."
    )
    article = Article.from_text("Party weighs plan\n\n" + body)
    speakers = {q.text: q.speaker for q in article.quotes if q.direct}
    assert speakers["She had better get well first,"] == "Tom Varga"
    assert speakers["It is something you would be a fool not to prepare for,"] == "Tom Varga"



def test_a_participle_cue_does_not_take_a_name_inside_an_earlier_quote() -> None:
    body = ('"We will not be bullied by the Northwind Bank," Lena Hart said in a statement, '
            'adding that the offer was "an insult to every member."')
    assert [speaker for _, speaker in _direct(body)] == ["Lena Hart", "Lena Hart"]


def test_a_cue_word_before_is_or_was_is_a_noun_not_the_reporting_verb() -> None:
    body = ('Governor Ilsa Brandt met Daniel Okafor in Tarvik. Ilsa Brandt said Okafor\'s '
            'mental state is "far worse than anyone admits." Brandt said the claims were '
            '"baseless," and Okafor, she said, is "a man who thinks he is owed everything."')
    assert [speaker for _, speaker in _direct(body)] == ["Ilsa Brandt"] * 3


def test_a_quote_inside_a_narrators_sentence_goes_to_its_subject_not_the_last_speaker() -> None:
    body = ('"The vote was fair," Lena Hart said. In recent weeks, Omar Bekele has gone after '
            'the mayor as a "coward who hides from every question he is asked." The new rules '
            'were meant to "stop the town from falling into debt ever again." Omar Bekele '
            'spoke at the rally with Lena Hart. She expressed her anger at officials who "never '
            'did a day of honest work in their whole lives." Said Mr Bekele: "We will see them '
            'in court before the summer is out."')
    assert [speaker for _, speaker in _direct(body)] == [
        "Lena Hart", "Omar Bekele", None, "Lena Hart", "Omar Bekele"]


def test_a_later_cue_without_its_own_subject_takes_the_subject_of_an_earlier_cue() -> None:
    body = ('Speaking to the Northwind Bank board, Jo Kent said the wave of strikes demands that '
            'ministers show "far more patience than they have." Lena Hart chairs the board. '
            'She called the Northwind Bank\'s conduct "disgraceful" and called for bonuses to be '
            '"paid back in full by every director."')
    assert [speaker for _, speaker in _direct(body)] == ["Jo Kent", "Lena Hart", "Lena Hart"]


def test_he_after_an_unnamed_relative_speaks_goes_to_that_description_not_a_named_man() -> None:
    body = ('Omar Bekele ran the mill in Tarvik. He hired half the valley. "We live in hard '
            'times," my father often said. He also told the neighbours that "patience is the '
            'only answer we have left."')
    assert _direct(body)[-1] == ("patience is the only answer we have left.", "my father")


def test_a_person_named_after_a_quote_before_a_long_appositive_and_its_cue_speaks() -> None:
    body = ('"We will appeal," Lena Hart said. "The biggest problem is reaching the villages in '
            'time," Omar Bekele, an emergency communications officer for the relief group '
            'Northwind Aid in the hills above Tarvik, told the Tarvik Herald.')
    assert [speaker for _, speaker in _direct(body)] == ["Lena Hart", "Omar Bekele"]


def test_an_appositive_opening_with_an_owners_name_is_skipped_to_its_subject() -> None:
    body = ('After talks with Omar Bekele, the Northwind Bank, Tarvik\'s largest lender, said it '
            'was "firmly opposed" to the plan. After meeting Omar Bekele, Lena Hart, Northwind\'s '
            'chief executive, said the plan was "a waste of everyone\'s time and money."')
    assert [speaker for _, speaker in _direct(body)] == ["Northwind Bank", "Lena Hart"]


def test_an_aside_in_brackets_before_an_appositive_is_not_the_speaker() -> None:
    body = ("“We will not back down,” Rep. Tom Harlan (R-Ohio), an oversight panel member, said "
            "in a phone interview. “The old rules still stand,” Lena Hart (52), a farmer from "
            "Tarvik, said.")
    assert [speaker for _, speaker in _direct(body)] == ["Tom Harlan", "Lena Hart"]


def test_any_courtesy_title_before_the_speaker_stays_out_of_the_reported_words() -> None:
    first = "The plan is a waste of public money, Dame Ella Moss said on Tuesday."
    second = "The plan should be dropped at once, said Madame Ella Moss on Tuesday."
    assert [(q.text, q.speaker) for q in Article.from_text(first + " " + second).quotes] == [
        ("The plan is a waste of public money", "Ella Moss"),
        ("The plan should be dropped at once", "Ella Moss"),
    ]


def test_a_person_described_through_a_name_speaks_not_the_name() -> None:
    body = ("A spokeswoman for Lena Hart said: “She will not stand again.” “The vote is lost,” "
            "said a lawyer for Omar Bekele. Lawyers for the Tarvik Bank said the ruling was "
            "“deeply flawed and wrong.”")
    assert [speaker for _, speaker in _direct(body)] == [
        "A spokeswoman for Lena Hart", "a lawyer for Omar Bekele", "Lawyers for the Tarvik Bank",
    ]


def test_a_chain_of_owners_describes_the_speaker_from_its_first_noun() -> None:
    body = "Lawyers for the parents of Omar Bekele said they would appeal against the ruling."
    assert [speaker for _, speaker, _ in _quotes(body)] == [
        "Lawyers for the parents of Omar Bekele",
    ]


def test_a_name_filling_an_appositive_speaks() -> None:
    body = "A spokeswoman for the Tarvik Bank, Lena Hart, said: “We will appeal the ruling.”"
    assert _direct(body) == [("We will appeal the ruling.", "Lena Hart")]


def test_a_fronted_phrase_before_the_subject_is_not_the_reported_content() -> None:
    body = ("On Saturday afternoon, a spokeswoman for the Tarvik mall said it looked like being "
            "its busiest day of the year.")
    assert _quotes(body) == [
        ("it looked like being its busiest day of the year",
         "a spokeswoman for the Tarvik mall", False),
    ]


def test_a_passive_reporting_verb_reports_nothing() -> None:
    body = "Lena Hart is said to be furious about the plan and the deal."
    assert _quotes(body) == []


def test_reported_words_end_at_the_comma_before_a_subject_they_run_into() -> None:
    body = ("Crop production totalled 11.5 million tonnes in 2003, the joint report by the "
            "Tarvik Institute and the Northwind Agency said.")
    assert [(text, speaker) for text, speaker, _ in _quotes(body)] == [
        ("Crop production totalled 11.5 million tonnes in 2003", "Northwind Agency"),
    ]


def test_a_person_noun_in_ist_or_ian_describes_the_speaker() -> None:
    body = "A statistician from the University of Tarvik said that the names were common."
    assert _quotes(body) == [
        ("the names were common", "A statistician from the University of Tarvik", False),
    ]


def test_a_cue_after_the_sentence_a_quoted_term_ends_does_not_attribute_it() -> None:
    body = ("The fuel made in the reactor is known as 'blue crude'. Tarvik Motors claims the "
            "whole process can run on renewable power.")
    assert [speaker for _, speaker, _ in _quotes(body) if speaker == "Tarvik Motors"] == []


def test_a_phrase_with_a_verb_after_a_cue_is_no_speaker() -> None:
    body = ("Lena Hart opened the cafe in 2012. The 40-year-old says the secret to her success "
            "is 'kindness and very long hours' in the kitchen.")
    assert [speaker for _, speaker, _ in _quotes(body)] in ([], [None], ["Lena Hart"])


def test_a_reporting_verb_used_as_an_adjective_reports_nothing() -> None:
    body = "Winger Tom Bryce suffered a third confirmed concussion in just four months."
    assert _quotes(body) == []


def test_a_phrase_of_time_after_a_cue_is_not_the_reported_words() -> None:
    body = ("Lena Hart told the Tarvik Herald before the game against Northwind on Saturday. "
            "Omar Bekele admitted before the court that he had lied to the board.")
    assert [(text, speaker) for text, speaker, _ in _quotes(body)] == [
        ("he had lied to the board", "Omar Bekele"),
    ]


def test_a_name_modifying_the_speakers_noun_after_a_cue_gives_the_description() -> None:
    body = ('Kremlin spokesman Omar Bekele spoke on Monday. "We will win," said a Northwind '
            'spokesman. "We will not," said the Kremlin spokesman.')
    assert [speaker for _, speaker in _direct(body)] == ["a Northwind spokesman", "Omar Bekele"]


def test_a_description_opening_the_sentence_speaks_after_and_plus_a_cue() -> None:
    body = ("The Tarvik nominee also outlined his plan and vowed to punish “those who break "
            "the rules.”")
    assert _direct(body) == [("those who break the rules.", "The Tarvik nominee")]


def test_a_description_with_a_based_modifier_speaks() -> None:
    body = "The Tarvik-based brewery said it would own most of the voting shares."
    assert _quotes(body) == [
        ("it would own most of the voting shares", "The Tarvik-based brewery", False),
    ]


def test_a_negated_reporting_verb_reports_nothing() -> None:
    assert _quotes("The Tarvik council has not said if it will appeal against the ruling.") == []


def test_a_fronted_participle_phrase_is_not_the_reported_words() -> None:
    body = ("Speaking after his win, Tom Bryce said he was delighted. Lena Hart said at a press "
            "conference on Thursday that her client had rejected the offer.")
    assert [(text, speaker) for text, speaker, _ in _quotes(body)] == [
        ("he was delighted", "Tom Bryce"),
        ("her client had rejected the offer", "Lena Hart"),
    ]


def test_an_appositive_does_not_reach_past_a_new_clause_to_the_cue() -> None:
    body = ("Tom Bryce, a ministry spokesman, put the toll at 4,620, while the Tarvik Emergency "
            "Centre said the number of dead was 4,727.")
    assert [(text, speaker) for text, speaker, _ in _quotes(body)] == [
        ("the number of dead was 4,727", "Tarvik Emergency Centre"),
    ]


def test_place_before_comma_is_not_the_speaker_of_what_officials_said() -> None:
    body = "Floods have killed at least 14 people in northern Valdoria, officials said on Monday."
    assert _quotes(body) == [
        ("Floods have killed at least 14 people in northern Valdoria", "officials", False)
    ]


def test_place_before_comma_is_not_the_speaker_of_what_a_spokeswoman_said() -> None:
    body = "The company will cut 300 jobs at its plant in Tarvik, a spokeswoman said."
    assert _quotes(body) == [
        ("The company will cut 300 jobs at its plant in Tarvik", "a spokeswoman", False)
    ]


def test_person_in_a_list_before_comma_is_not_the_speaker_of_what_police_said() -> None:
    body = "The blast injured three people, including Anna Kovalenko, police said."
    assert _quotes(body)[0][1] == "police"


def test_unclosed_appositive_after_a_person_still_names_the_speaker() -> None:
    body = ("The plan is dead and the board knows it, Marta Quill, a union spokeswoman "
            "told reporters.")
    assert _quotes(body)[0][1] == "Marta Quill"


def test_relative_clause_after_a_name_keeps_the_name_as_speaker() -> None:
    body = ("The report reached Ines Hallworth, who said the harbour would reopen "
            "within a week.")
    assert _quotes(body)[0][1] == "Ines Hallworth"


def test_description_of_speaker_skips_the_conjunction_before_it() -> None:
    body = ("Rescuers searched the rubble through the night, but officials said the chance "
            "of finding survivors was small.")
    assert _quotes(body) == [
        ("the chance of finding survivors was small", "officials", False)
    ]


def test_person_of_an_organisation_speaks_not_the_organisation() -> None:
    body = "Analyst Henrik Olsen of Nordbank said the deal was priced well."
    assert _quotes(body)[0][1] == "Henrik Olsen"


def test_judge_of_a_court_speaks_not_the_court() -> None:
    body = ("Judge Harold Finch of the Ashby County Superior Court told Linda Carraway that "
            "she had robbed retired firefighters.")
    assert _quotes(body)[0][1] == "Harold Finch"


def test_spokesman_for_a_titled_person_is_not_that_person() -> None:
    body = "A spokesman for Mayor Susan Kemp said she would not resign over the audit."
    assert _quotes(body)[0][1] == "A spokesman for Mayor Susan Kemp"


def test_owned_role_speaks_not_its_owner() -> None:
    body = "Lakeside's chief medical officer said the hospital had closed the unit."
    assert _quotes(body)[0][1] == "Lakeside's chief medical officer"


def test_name_inside_a_relative_clause_does_not_take_the_cue() -> None:
    body = ("The Chicago-based company, which makes the Harvest Table and Quickplate brands, "
            "said the plants would close.")
    assert _quotes(body)[0][1] == "The Chicago-based company"


def test_place_inside_a_participle_aside_does_not_take_the_cue() -> None:
    body = "The company, based in Santa Clara, said revenue rose by a third in the quarter."
    assert _quotes(body) == [("revenue rose by a third in the quarter", "The company", False)]


def test_name_between_commas_after_a_description_speaks() -> None:
    body = "Another resident, Peter Smith, said he had been left with a bin of rotting waste."
    assert _quotes(body)[0][1] == "Peter Smith"


def test_fronted_phrase_before_a_comma_is_not_the_speaker() -> None:
    body = ("In a victim impact statement, her twin brother Nicholas Horstman, who found her, "
            "said his sister was widely loved.")
    assert _quotes(body)[0][1] == "Nicholas Horstman"


def test_institution_speaks_as_one() -> None:
    body = "The hospital said it could not comment on individual cases."
    assert _quotes(body) == [("it could not comment on individual cases", "The hospital", False)]


def test_description_of_speaker_does_not_run_over_a_determiner() -> None:
    body = "At an earlier hearing the prosecution team argued that the murder was planned."
    assert _quotes(body)[0][1] == "the prosecution team"


def test_whom_it_was_told_is_not_part_of_what_was_said() -> None:
    body = "Paolo Rinaldi told a news conference in San Marco that the toll was likely to rise."
    assert _quotes(body) == [("the toll was likely to rise", "Paolo Rinaldi", False)]


def test_description_after_the_cue_gives_way_to_the_name_that_follows() -> None:
    body = '"This is a big job," said the company\'s operations director, Gail Summers.'
    assert _quotes(body)[0][1] == "Gail Summers"


def test_lawyer_for_someone_named_after_the_cue_is_the_lawyer() -> None:
    body = '"We will appeal," said a lawyer for Linda Carraway, Michael Stroud.'
    assert _quotes(body)[0][1] == "Michael Stroud"


def test_description_before_a_participle_aside_speaks_a_direct_quote() -> None:
    body = ('A NATO official, speaking on condition of anonymity, said the alliance expected '
            'members to run "open and competitive" tenders.')
    assert _quotes(body)[0][1] == "A NATO official"


def test_relation_speaks_as_a_description() -> None:
    assert _quotes("Her husband said he had never considered giving up the farm.")[0][1] == (
        "Her husband"
    )


def test_name_with_age_and_hometown_in_the_aside_speaks() -> None:
    body = ("The rabbits' owner, Annette Edwards, 63, from Bromsgrove, says she looks forward "
            "to the day Jeff is the biggest.")
    assert _quotes(body)[0][1] == "Annette Edwards"


def test_relation_deep_in_a_clause_is_not_its_subject() -> None:
    body = ("A woman accused of hiring hitmen to murder her husband has told a court that she "
            "only wanted to scare him.")
    assert all(q[1] != "her husband" for q in _quotes(body))


def test_a_participle_is_no_cue() -> None:
    body = ("Okonjo met a cross in the third minute of added time to send the home crowd into "
            "raptures.")
    assert _quotes(body) == []


def test_a_cue_is_no_part_of_a_hyphenated_word() -> None:
    body = 'The award went to "Paper Lanterns," a drama set in post-war Osaka.'
    assert all(q.cue != "post" for q in Article.from_text(body, title="").quotes)


def test_a_long_fronted_phrase_is_no_reported_content() -> None:
    body = ("In a 2015 interview with The New York Times, she said she had never thought of "
            "her work as a crusade.")
    assert _quotes(body)[0][0] == "she had never thought of her work as a crusade"


def test_unnamed_source_familiar_with_the_matter_speaks() -> None:
    body = ("A person familiar with the investigation said police were examining the "
            "footage.")
    assert _quotes(body)[0][1] == "A person familiar with the investigation"


def test_group_with_a_qualifier_speaks() -> None:
    assert _quotes("Workers on the picket line said they were ready to stay out longer.")[0][
        1
    ] == "Workers on the picket line"
    assert _quotes(
        "Former employees who attended the hearing said the sentence brought little comfort."
    )[0][1] == "Former employees who attended the hearing"


def test_according_to_a_group() -> None:
    body = "The festival sold a record 96,000 tickets this year, according to organisers."
    assert _quotes(body)[0][1] == "organisers"


def test_jury_chaired_by_someone_speaks_as_the_jury() -> None:
    body = ('The jury, chaired by actress Camille Moreau, praised the film\'s "patience and '
            'tenderness."')
    assert _quotes(body)[0][1] == "The jury"


def test_wire_dateline_is_not_part_of_what_officials_said() -> None:
    body = ("SAN MARCO, Veloria, Aug 19 (AP) - Floods have killed at least 14 people in the "
            "north, officials said on Monday.")
    assert _quotes(body)[0][0] == "Floods have killed at least 14 people in the north"
    assert _quotes("Rome -- Twelve passengers were thrown overboard, Italian police said.")[0][
        0
    ] == "Twelve passengers were thrown overboard"


def test_a_definite_role_noun_is_the_one_person_holding_that_role() -> None:
    body = ('Economy Minister Anouk Verbeek urged both sides to return to the table. "A port '
            'that does not work is bad for everyone," the minister said.')
    assert _quotes(body)[0][1] == "Anouk Verbeek"


def test_a_definite_role_noun_is_not_a_deputy_or_former_holder() -> None:
    body = ('Deputy Minister Jan Roos spoke first. "We will not sign this," the minister '
            'said.')
    assert _quotes(body)[0][1] == "the minister"


def test_a_definite_role_noun_with_two_holders_names_neither() -> None:
    body = ('Foreign Minister Ida Holm met Defence Minister Lars Brenn. "It was a good '
            'meeting," the minister said.')
    assert _quotes(body)[0][1] == "the minister"


def test_an_age_names_the_person_given_that_age() -> None:
    body = ('Coach Anna Berg praised her side. Jamie Holt, 32, scored twice. "I have been '
            'here through relegations," the 32-year-old said.')
    assert [q[1] for q in _quotes(body)] == ["Jamie Holt"]


def test_an_age_names_the_subject_of_the_sentence_before() -> None:
    body = ("Mr Roberts said he was shocked by the reply. The 65-year-old said he had never "
            "voted for any party.")
    assert _quotes(body)[-1][1] == "Roberts"


def test_an_age_is_not_someone_the_sentence_sets_apart_from_it() -> None:
    body = ("Home Secretary Tessa Marlow rejected the 32-year-old's claim for asylum. The "
            "32-year-old, known only by his initials, has admitted that his father led a "
            "militia.")
    assert [q[1] for q in _quotes(body)] == ["The 32-year-old"]


def test_an_age_after_a_description_subject_stays_a_description() -> None:
    body = ("The England skipper played in midfield as Ray Holden tinkered with the side. "
            '"I think it is important to adapt," the 29-year-old said.')
    assert _quotes(body)[0][1] == "the 29-year-old"


def test_a_spokeswoman_for_an_unnamed_institution_speaks_not_the_institution() -> None:
    body = "Mortgage lenders moved quickly. A spokeswoman for the bank said rates would fall."
    assert _quotes(body)[0][1] == "A spokeswoman for the bank"


def test_a_short_whole_sentence_quote_goes_on_with_the_speaker() -> None:
    body = ('Judge Amara Lindgren read the verdict. "The accused could have stopped it," she '
            'said. "He chose not to."')
    assert [(q[0], q[1]) for q in _quotes(body)][-1] == ("He chose not to.", "Amara Lindgren")


def test_a_short_quote_inside_a_sentence_is_still_a_scare_quote() -> None:
    body = ('Judge Amara Lindgren read the verdict. "The accused could have stopped it," she '
            'said. The ruling was called "a turning point" by lawyers.')
    assert all(q[0] != "a turning point" or q[1] != "Amara Lindgren" for q in _quotes(body))


def test_it_said_names_the_organisation_the_sentence_before_is_about() -> None:
    body = ("Kelvra Systems said on Tuesday that data had been copied. Full card numbers were "
            "not affected, it said.")
    assert [q[1] for q in _quotes(body)] == ["Kelvra Systems", "Kelvra Systems"]


def test_it_said_after_a_person_subject_names_no_one() -> None:
    body = ("Anna Berg praised the club's new stadium. The ground was finished early, it said.")
    assert all(q[1] != "Anna Berg" for q in _quotes(body))


def test_according_to_people_familiar_with_a_matter() -> None:
    body = ("According to people familiar with the investigation, the attackers got in "
            "through a test server.")
    assert _quotes(body)[0][:2] == (
        "the attackers got in through a test server", "people familiar with the investigation"
    )


def test_a_participle_clause_reports_what_the_subject_said() -> None:
    body = ("Finance Minister Oskar Lindqvist welcomed the move, saying it would ease pressure "
            "on 400,000 households.")
    assert _quotes(body)[0][:2] == (
        "it would ease pressure on 400,000 households", "Oskar Lindqvist"
    )


def test_a_participle_clause_after_someone_of_theirs_is_not_theirs() -> None:
    body = ("Clara Moss's girlfriend called police on Sunday, saying she had been missing for "
            "several days.")
    assert all(q[1] != "Clara Moss" for q in _quotes(body))


def test_a_subordinating_word_is_not_part_of_a_group_speaker() -> None:
    body = ('Three patients died during the study, although investigators said only one death '
            'was "possibly related" to treatment.')
    assert _quotes(body)[0][1] == "investigators"


def test_groups_and_institutions_that_speak() -> None:
    assert _quotes("Art crime specialists said the thieves would find it hard to sell the "
                   "works.")[0][1] == "Art crime specialists"
    assert _quotes("Aid workers at the crossing said conditions were deteriorating "
                   "quickly.")[0][1] == "Aid workers at the crossing"
    assert _quotes("The trust said in a statement on Thursday that its A&E department was "
                   "open.")[0][1] == "The trust"


def test_a_definite_role_names_only_someone_named_before_it() -> None:
    body = ("Councillor Marcus Oyelaran-Pike said the mayor had ignored the neighbourhoods. "
            "The councillor said he had the votes to block the plan. Councillor Priya "
            "Natarajan said she had voted against the budget.")
    assert [q[1] for q in _quotes(body)][:2] == ["Marcus Oyelaran-Pike"] * 2


def test_a_definite_role_noun_found_in_a_title() -> None:
    body = ("Detective Chief Inspector Owen Maddox said officers were working with the "
            "National Crime Agency. The detective said there was no evidence that patient "
            "data had been published.")
    assert [q[1] for q in _quotes(body)] == ["Owen Maddox", "Owen Maddox"]


def test_the_object_of_accused_is_not_the_speaker() -> None:
    body = ("Castrelia's foreign ministry denied the report. In a statement, it accused Port "
            'Elan of "manufacturing a pretext" to justify the deployment.')
    assert all(q[1] != "Port Elan" for q in _quotes(body))


def test_claimed_responsibility_reports_no_words() -> None:
    body = ("A criminal group calling itself BlackLantern claimed responsibility on Wednesday "
            "and demanded $4.5m in cryptocurrency.")
    assert _quotes(body) == []


def test_a_name_given_as_a_pseudonym_is_not_a_quote() -> None:
    body = ('A person claiming to speak for the group, who used the name "Vesper", told the '
            'BBC that the gang had "no interest in hurting patients."')
    assert all(q[0] != "Vesper" for q in _quotes(body))


def test_reported_words_end_before_the_speakers_description() -> None:
    assert _quotes("He was diagnosed in March 2021, his wife, Joan Brisbane, said.")[0][
        :2
    ] == ("He was diagnosed in March 2021", "Joan Brisbane")
    words = _quotes("The train left the tracks south of the station, the national rail "
                    "operator EssRail said.")[0][0]
    assert words == "The train left the tracks south of the station"


def test_a_description_after_more_reported_words_is_kept() -> None:
    body = ("Brokers must give information on their commissions if, and only if, their "
            "customers request it, the regulator said.")
    assert "their customers request it" in _quotes(body)[0][0]


def test_a_body_of_a_place_speaks_through_its_owner() -> None:
    body = ("Velmara's interior ministry said in a statement late on Friday that the border "
            "would remain closed.")
    assert _quotes(body)[0][:2] == (
        "the border would remain closed", "Velmara's interior ministry"
    )


def test_an_official_of_an_owned_body_speaks_not_the_body() -> None:
    body = ("An official from Velmara's home ministry said the number of deaths had risen to "
            "54.")
    assert _quotes(body)[0][1] == "An official from Velmara's home ministry"


def test_how_a_speaker_told_someone_is_not_what_was_said() -> None:
    body = ("Samir Nasser, director of the hospital, spoke on Tuesday. He told Reuters by "
            "phone that the hospital had performed surgery by torchlight.")
    assert _quotes(body)[0][0] == "the hospital had performed surgery by torchlight"


def test_an_anonymous_speaker_with_a_long_aside_speaks() -> None:
    body = ("A railway union official, who spoke on condition of anonymity because he was not "
            "authorised to speak publicly, said drivers had complained for months.")
    assert _quotes(body)[0][1] == "A railway union official"
    body = ("A European Union observer, who asked not to be named, said the gap was too large "
            "to be explained by error.")
    assert _quotes(body)[0][1] == "A European Union observer"


def test_an_owned_body_whose_aside_names_someone_else_speaks() -> None:
    body = ("Kessar's government, which handed Gen. Adrian Molov over to the tribunal, said in "
            "a statement that the verdict was fair.")
    assert _quotes(body)[0][1] == "Kessar's government"


def test_that_as_the_subject_of_the_reported_words_is_kept() -> None:
    assert _quotes("The UNHCR official said that was not fast enough.")[0][0] == (
        "that was not fast enough"
    )


def test_a_description_before_the_speakers_name_is_not_what_was_said() -> None:
    assert _quotes("The company's chief executive, Henrik Dahl, denied the report.") == []


def test_a_speaker_named_after_a_description_after_the_quote() -> None:
    body = ('"We cannot say whether these problems changed the outcome," the head of the '
            "mission, former foreign minister Kofi Asante-Darko, said at a news conference.")
    assert _quotes(body)[0][1] == "Kofi Asante-Darko"


def test_a_quote_after_a_new_clause_belongs_to_its_subject() -> None:
    body = ('The union said 85% of its members had taken part, while the Department for '
            'Education put the figure at "closer to 60%".')
    assert [q[1] for q in _quotes(body) if q[2]] == ["Department for Education"]


def test_a_definite_role_as_subject_frames_a_quote() -> None:
    body = ('President Anna Holt rode to the palace. In a rare address, the president thanked '
            'the public for its "patience with an old woman and her family".')
    assert _quotes(body)[0][1] == "Anna Holt"


def test_she_said_goes_on_with_the_last_woman_quoted_when_no_one_else_is_named() -> None:
    body = ('"Chaos like I had never seen," Gillian Reny said. The force of the blast knocked '
            "her to the ground. When she looked around, she saw smoke everywhere. Her shin "
            'bone had snapped. "Muscle was everywhere," she said.')
    assert [q[1] for q in _quotes(body)] == ["Gillian Reny", "Gillian Reny"]


def test_she_said_does_not_go_back_past_someone_else_named() -> None:
    filler = " ".join(["The road was closed."] * 9)
    body = (f'"Chaos like I had never seen," Gillian Reny said. {filler} The Harbour '
            'Hospital team described the injuries. "Muscle was everywhere," she said.')
    assert [q[1] for q in _quotes(body)][-1] != "Gillian Reny"
    far = f'"Chaos like I had never seen," Gillian Reny said. {filler} "Muscle," she said.'
    assert [q[1] for q in _quotes(far)][-1] == "Gillian Reny"


def test_he_said_after_an_unnamed_speaker_is_that_speaker() -> None:
    body = ("A Home Office spokesman said the system had been tightened since the inquiry. "
            'He added: "Applications will be checked at the border."')
    assert [q[1] for q in _quotes(body)] == ["A Home Office spokesman"] * 2


def test_he_said_after_a_definite_description_is_the_person_named() -> None:
    body = ("Burnley manager Sean Dyche was pleased. The Burnley boss said the side had "
            'defended well. He added: "We kept two clean sheets."')
    assert [q[1] for q in _quotes(body)][-1] == "Sean Dyche"


def test_said_in_a_statement_keeps_the_verb_as_the_cue() -> None:
    body = ("Kessar's government, which handed Gen. Adrian Molov over to the tribunal, said in "
            'a statement that the verdict "closes a painful chapter."')
    quote = Article.from_text(body, title="").quotes[0]
    assert (quote.speaker, quote.cue) == ("Kessar's government", "said")


def test_an_age_names_the_agent_of_a_passive_sentence_before() -> None:
    body = ("The breach was spotted by researcher Leah Okonjo. The 34-year-old said she had "
            "checked the data twice.")
    assert _quotes(body)[-1][1] == "Leah Okonjo"


def test_an_honorific_picks_which_of_two_people_sharing_a_surname_speaks() -> None:
    body = ("Union secretary Sarah Keane said her members had no choice. Her deputy, Fintan "
            "Keane, said pay had fallen by 14%. Ms Keane said the union was seeking a 9% rise.")
    assert [q[1] for q in _quotes(body)] == ["Sarah Keane", "Fintan Keane", "Sarah Keane"]


def test_an_honorific_that_contradicts_the_name_found_is_kept() -> None:
    body = ("Britt Lapthorne went missing in Dubrovnik. Her father, Mr Lapthorne, said police "
            "had not searched the harbour. Tom Lapthorne, her brother, flew out on Friday.")
    assert all(q[1] != "Britt Lapthorne" for q in _quotes(body))


def test_told_members_is_not_told_me() -> None:
    body = ("Union leader Moira Keane spoke outside the hospital. Ms Keane told members at a "
            "rally on Wednesday that the next strike could last a full week.")
    assert _quotes(body)[0][0] == "the next strike could last a full week"


def test_an_age_before_a_role_noun_still_names_the_role_holder() -> None:
    body = ('Trade Minister Ingrid Solberg-Aune said on Wednesday that tariffs would follow. '
            'The 52-year-old minister said the tariffs would be lifted "the day Veskaria stops '
            'breaking the rules".')
    assert [q[1] for q in _quotes(body)] == ["Ingrid Solberg-Aune"] * 2


def test_a_definite_institution_is_the_organisation_just_named() -> None:
    body = ('Erik Strand chairs the Veskan-Norlandic Chamber of Commerce. The chamber said it '
            'supported "firm enforcement" of the rules.')
    assert _quotes(body)[0][1] == "Veskan-Norlandic Chamber of Commerce"


def test_the_agent_of_asked_by_is_not_who_answers() -> None:
    body = ("Daniel Okafor-Reyes told the jury he had been at home. Asked by prosecutor Raymond "
            'Adeyemi why his phone was in the park, he said: "I do not know. Maybe I lent it."')
    assert [q[1] for q in _quotes(body) if q[2]] == ["Daniel Okafor-Reyes"]


def test_a_quote_after_but_that_belongs_to_the_new_subject() -> None:
    body = ("Two officials said Veskaria had offered in September to cap subsidies, but that "
            'Norland had rejected the proposal as "too little, too late".')
    assert [q[1] for q in _quotes(body) if q[2]] == ["Norland"]


def test_the_narrators_participle_and_the_speakers_title_are_not_reported_words() -> None:
    body = ("Norland will impose tariffs on steel from Nov. 1, Trade Minister Ingrid "
            "Solberg-Aune said on Wednesday, escalating a months-long dispute.")
    assert _quotes(body)[0][:2] == (
        "Norland will impose tariffs on steel from Nov. 1", "Ingrid Solberg-Aune"
    )


def test_a_noun_phrase_set_apart_by_a_relative_clause_speaks() -> None:
    body = ("Bridget Hanlon, 67, said she had waited 19 months. Another patient, who asked not "
            'to be named, said he had been moved at short notice. "They did their best," he said.')
    assert [q[1] for q in _quotes(body)] == ["Bridget Hanlon", "Another patient", "Another patient"]


def test_testified_and_stressed_report_speech() -> None:
    assert _quotes("A police analyst, Detective Sergeant Paul Whitcombe, testified that the "
                   "phone had connected to a mast near the park.")[0][1] == "Paul Whitcombe"
    assert _quotes("Margit Hollander stressed that the report was preliminary.")[0][:2] == (
        "the report was preliminary", "Margit Hollander"
    )
    assert _quotes("Jonnie Williams testified under immunity for the prosecution.") == []


def test_and_said_reports_the_subject_of_the_sentence() -> None:
    body = ("Quillon Technologies on Tuesday unveiled its first augmented-reality glasses and "
            "said it would cut about 1,800 jobs.")
    assert _quotes(body)[0][:2] == ("it would cut about 1,800 jobs", "Quillon Technologies")


def test_it_said_opening_a_sentence_after_a_quotation() -> None:
    body = ('The Castellan Police Service said the conviction was "the result of painstaking '
            'work". It said officers had reviewed more than 900 hours of footage.')
    assert [q[1] for q in _quotes(body)] == ["Castellan Police Service"] * 2


def test_it_said_after_a_report_names_the_one_reporting() -> None:
    body = ("Fiat is considering floating Ferrari, the Financial Times has reported. It said "
            "Fiat was set to restructure its business.")
    assert _quotes(body)[-1][1] == "Financial Times"


def test_a_name_after_a_courtesy_title_fills_an_appositive() -> None:
    body = ("The prime minister and leader of the Progressive Alliance, Sir Anthony Wexley, said "
            'he had acted "swiftly and decisively".')
    assert _quotes(body)[0][1] == "Anthony Wexley"


def test_a_possessive_plural_is_no_cue() -> None:
    body = ("A senior negotiator from a large developed country, who asked not to be named, said "
            'the island states\' demand was "understandable but unrealistic".')
    assert [(q[1], q[2]) for q in _quotes(body)] == [
        ("A senior negotiator from a large developed country", True)
    ]


def test_a_plural_set_apart_by_a_relative_clause_speaks() -> None:
    body = ("Relatives of the victims, who gathered outside the board's headquarters, said the "
            "findings confirmed their worst fears.")
    assert _quotes(body)[0][:2] == (
        "the findings confirmed their worst fears", "Relatives of the victims"
    )


def test_in_a_separate_statement_is_not_what_was_said() -> None:
    body = ("The airline said in a separate statement that it had grounded its remaining five "
            "aircraft for inspection.")
    assert _quotes(body)[0][0].startswith("it had grounded")


def test_it_said_after_a_described_body() -> None:
    body = ("The Varlovian government said in a statement that the minister had signed the "
            'order on Tuesday. It said the transfer did not set "a general precedent".')
    assert [q[1] for q in _quotes(body)] == ["The Varlovian government"] * 2


def test_a_spokeswoman_for_an_embassy_in_a_city() -> None:
    body = ("A spokeswoman for the Kembaran embassy in Varlow said the ambassador would attend "
            "Wednesday's ceremony.")
    assert _quotes(body)[0][1] == "A spokeswoman for the Kembaran embassy in Varlow"


def test_an_anonymous_official_of_a_department_speaks() -> None:
    body = ("An engineer with the city's planning department, speaking on condition of "
            "anonymity, said at least half of the collapsed blocks had been built before 1999.")
    assert _quotes(body)[0][1] == "An engineer with the city's planning department"


def test_and_said_after_a_quotation_reports_the_same_speaker() -> None:
    body = ("Veskaria's trade minister, Tomas Brenk, called the decision \"an act of economic "
            "aggression\" and said his government would file a formal complaint.")
    assert [(q[1], q[2]) for q in _quotes(body)] == [("Tomas Brenk", True), ("Tomas Brenk", False)]


def test_a_quotations_own_attribution_is_not_a_new_statement() -> None:
    body = ('"Nothing in this case has any value," Randy Zelin told CNN\'s Christi Paul. "It '
            'does not matter."')
    assert all(q[2] for q in _quotes(body))


def test_declaring_mourning_war_or_an_emergency_reports_no_words() -> None:
    assert _quotes("President Orhan Selimi declared three days of national mourning and "
                   "visited the disaster zone on Tuesday.") == []
    assert _quotes("The pilot declared an emergency shortly before the plane came down.") == []


def test_a_person_of_a_described_firm_speaks_not_the_firm() -> None:
    body = "Markus Deene of the research firm Corvane Economics, said inflation would ease."
    assert _quotes(body)[0][1] == "Markus Deene"


def test_told_a_news_conference_in_a_place_reports_no_words() -> None:
    body = ("Central bank governor Anna Vorhaus told a news conference in the capital. She said "
            "growth would slow.")
    assert [q[0] for q in _quotes(body)] == ["growth would slow"]


def test_the_ministry_is_the_ministry_just_named() -> None:
    body = ("The Ministry of Justice confirmed the disturbance at the prison on Tuesday. The "
            "ministry said two officers had been injured.")
    assert _quotes(body)[-1][1] == "Ministry of Justice"
