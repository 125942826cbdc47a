# SPDX-License-Identifier: EUPL-1.2
"""Reading a page as a logged-in client."""


def page(client, url, status=200):
    """The page's HTML, after checking its status (the first 500 bytes say why if it differs)."""
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()
