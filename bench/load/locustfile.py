# SPDX-License-Identifier: EUPL-1.2
"""Load test: members, griffie, routing officer and civil servants acting at once.

Every simulated user acts through the API with a real person's token. Two people racing for the
same transition is expected: the loser gets 409 and that counts as a correct refusal, not an
error. Anything else that is not 2xx (a 5xx, a 422 on valid input, a 404 on a listed case) fails.
"""

import json
import os
import random

from locust import HttpUser, between, task

with open(os.environ.get("LOAD_PEOPLE", "var/load/people.json"), encoding="utf-8") as people:
    PEOPLE = json.load(people)
QUESTIONS = [
    "Hoeveel kinderen maken gebruik van het collectief leerlingenvervoer?",
    "Wat kost het onderhoud van de sporthal per jaar?",
    "Hoeveel meldingen over zwerfafval kwamen er vorig jaar binnen?",
    "Hoeveel woningen staan er op de wachtlijst voor sociale huur?",
]


class Actor(HttpUser):
    abstract = True
    wait_time = between(0.5, 2.0)
    group = ""

    def on_start(self):
        me = random.choice(PEOPLE[self.group])
        self.client.headers["Authorization"] = f"Bearer {me['token']}"

    def act(self, case: dict, action: str, data: dict) -> None:
        with self.client.post(
            f"/api/v1/cases/{case['id']}/actions/{action}",
            json={"version": case["version"], "data": data},
            name=f"/api/v1/cases/[id]/actions/{action}",
            catch_response=True,
        ) as response:
            if response.status_code in (200, 409):
                response.success()  # 409: someone else was first; nothing was lost
            else:
                response.failure(f"{action}: {response.status_code} {response.text[:200]}")

    def listed(self, **params) -> list[dict]:
        response = self.client.get(
            "/api/v1/cases", params={"limit": 20, **params}, name="/api/v1/cases?state"
        )
        return response.json().get("items", []) if response.ok else []


class Member(Actor):
    weight = 6
    group = "members"

    @task(4)
    def my_cases(self):
        self.client.get("/api/v1/cases", params={"limit": 20})

    @task(2)
    def advice(self):
        self.client.post("/api/v1/advice", json={"text": random.choice(QUESTIONS)})

    @task(1)
    def ask(self):
        self.client.post(
            "/api/v1/cases",
            json={
                "instrument": "technical_question",
                "title": "Vraag onder belasting",
                "question": random.choice(QUESTIONS),
                "policy_area": "financien",
                "submit": True,
            },
            name="/api/v1/cases (nieuw)",
        )


class Griffie(Actor):
    weight = 2
    group = "griffie"

    @task(3)
    def intake(self):
        waiting = self.listed(state="submitted")
        if waiting:
            self.act(random.choice(waiting), "accept", {})

    @task(3)
    def handle(self):
        in_intake = self.listed(state="intake")
        if not in_intake:
            return
        case = random.choice(in_intake)
        if random.random() < 0.5:
            self.act(case, "deliver", {"answer": "Het antwoord van de griffie."})
        else:
            self.act(case, "forward", {"note": "Graag een deskundige."})


class RoutingOfficer(Actor):
    weight = 1
    group = "routing"

    @task
    def assign(self):
        forwarded = self.listed(state="forwarded")
        if forwarded:
            servant = random.choice(PEOPLE["servants"])
            self.act(
                random.choice(forwarded),
                "assign",
                {"civil_servants": [servant["pk"]], "hours_estimate": "2"},
            )


class CivilServant(Actor):
    weight = 2
    group = "servants"

    @task
    def deliver(self):
        assigned = self.listed(state="assigned")
        if assigned:
            self.act(random.choice(assigned), "deliver", {"answer": "Uitgezocht: zie antwoord."})
