def form_journeys(client, outbox):
    return []
