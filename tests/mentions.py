"""Looking up what the recogniser found, for the entity tests."""


def find(mentions, text):
    """The mention written `text`, or None."""
    return next((m for m in mentions if m.text == text), None)


def tagged(recognizer, sentence):
    """(text, type) of every mention `recognizer.tag` finds in `sentence`."""
    return {(m.text, m.type) for m in recognizer.tag(sentence)}
