"""Links on a person's page that higher apps add (the e-ID sign-in links a personal number).

Each entry is (label, URL name taking the person's pk); shown to those who may change the
person. A higher app registers in its AppConfig.ready().
"""

PERSON_ACTIONS = []


def register_person_action(label, url_name):
    PERSON_ACTIONS.append((label, url_name))
