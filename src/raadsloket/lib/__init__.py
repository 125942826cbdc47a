# SPDX-License-Identifier: EUPL-1.2
"""Helpers every app shares (PDF, errors); no models, no imports of ours above it."""
