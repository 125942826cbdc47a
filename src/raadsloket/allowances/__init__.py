# SPDX-License-Identifier: EUPL-1.2
"""Vergoedingen en rechtspositie of a raadslid (toolkit, "Vergoeding en politiek verlof")."""
