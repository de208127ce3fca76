"""Helpers shared by the test_services modules."""


def field_errors(excinfo):
    return excinfo.value.message_dict
