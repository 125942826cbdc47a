# SPDX-License-Identifier: EUPL-1.2
"""What a demo member follows: raadslid3 follows the late motion of the demo chain
(raadsloket.demo.links) and the keyword "schoolomgeving", so a new status or a new item about
it reaches them (raadsloket.follow). Made through the domain functions, as the member would."""

from raadsloket.access.viewer import viewer_for
from raadsloket.demo.links import DemoChain
from raadsloket.demo.people import World
from raadsloket.follow import services
from raadsloket.follow.models import Scope

MEMBER = "raadslid3"


def load_follows(world: World, chain: DemoChain) -> str:
    viewer = viewer_for(world[MEMBER])
    services.follow(viewer, chain.motion.KIND, chain.motion.pk)
    services.follow(viewer, chain.commitment.KIND, chain.commitment.pk)
    services.follow_keyword(viewer, "schoolomgeving", Scope.ALL)
    return (
        f"Volgen: {MEMBER} volgt motie {chain.motion.number}, toezegging "
        f"{chain.commitment.number} en het trefwoord 'schoolomgeving' (/volgen/)"
    )
