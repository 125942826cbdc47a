# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal

from raadsloket.cases.ranking import Candidate, keyword_matches, rank


def servant(pid, name, areas=(), keywords=(), weekly="4", committed="0"):
    return Candidate(
        pid, name, "afdeling", tuple(areas), tuple(keywords), Decimal(weekly), Decimal(committed)
    )


def test_policy_area_outweighs_keywords():
    area = servant(1, "Anna", areas=["sociaal_domein"])
    words = servant(2, "Bram", keywords=["leerlingenvervoer", "vrijwilligers"])
    ranked = rank("sociaal_domein", "Leerlingenvervoer", "Met vrijwilligers?", [words, area])
    assert [r.candidate.name for r in ranked] == ["Anna", "Bram"]
    assert ranked[1].matched_keywords == ("leerlingenvervoer", "vrijwilligers")


def test_more_keywords_rank_higher_within_the_same_area():
    one = servant(1, "Anna", areas=["financien"], keywords=["ozb"])
    two = servant(2, "Bram", areas=["financien"], keywords=["ozb", "begroting"])
    ranked = rank("financien", "OZB en begroting", "Wat kost het?", [one, two])
    assert ranked[0].candidate.name == "Bram"


def test_free_hours_break_ties():
    busy = servant(1, "Anna", areas=["financien"], weekly="8", committed="6")
    free = servant(2, "Bram", areas=["financien"], weekly="4", committed="0")
    ranked = rank("financien", "Reserves", "Hoeveel?", [busy, free])
    assert [r.candidate.name for r in ranked] == ["Bram", "Anna"]
    assert ranked[1].free_hours == Decimal("2")


def test_keywords_match_whole_words_only():
    assert keyword_matches(["ozb"], "de ozbverhoging") == ()
    assert keyword_matches(["huisvesting gemeentehuis"], "Huisvesting gemeentehuis, kosten") == (
        "huisvesting gemeentehuis",
    )
