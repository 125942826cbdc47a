# SPDX-License-Identifier: EUPL-1.2
from ninja import NinjaAPI

api = NinjaAPI(title="raadsloket", version="1")
