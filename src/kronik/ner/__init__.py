"""Named-entity helpers learned from data: the span typer that says whether a capitalised span the rules
could not place is a person, an organisation, a place or no name at all (see `typer`)."""
