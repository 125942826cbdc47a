# SPDX-License-Identifier: EUPL-1.2
"""Tijdsbesteding: the weekly planner of the toolkit ("Format voor tijdsbesteding", from 'de
efficiënte volksvertegenwoordiger'), private to the member."""
