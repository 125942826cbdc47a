# SPDX-License-Identifier: EUPL-1.2
"""The demo's follows: raadslid3 sees on "Wat ik volg" the motion and toezegging of the demo
chain and the keyword; another member's page shows none of them."""

import pytest

from raadsloket.demo.follow import MEMBER, load_follows
from raadsloket.demo.links import load_links

pytestmark = pytest.mark.django_db


def test_the_demo_member_follows_the_late_motion_its_commitment_and_a_keyword(world, login):
    chain = load_links(world)
    assert chain.motion.number in load_follows(world, chain)
    page = login(world[MEMBER]).get("/volgen/").content.decode()
    assert chain.motion.number in page and chain.commitment.number in page
    assert "schoolomgeving" in page
    other = login(world["raadslid1"]).get("/volgen/").content.decode()
    assert chain.motion.number not in other and "schoolomgeving" not in other
