# SPDX-License-Identifier: EUPL-1.2
"""raadsloket: the desk for ambtelijke bijstand and the council's other instruments."""
