"""Mailed links opened as a person opens them: the page, then its one button."""


def press_confirm(client, path, **kwargs):
    """GET the link's page (which shows the button and changes nothing), then press it.

    Returns the response to the button's POST; `kwargs` go to that POST (e.g. follow=True).
    """
    page = client.get(path)
    html = page.content.decode()
    assert page.status_code == 200, html
    assert f'<form method="post" action="{path}">' in html, html
    return client.post(path, **kwargs)
