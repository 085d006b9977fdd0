SELECT value FROM person_counter WHERE name = 'active_people'; SELECT value FROM person_counter WHERE name = 'subscribed_people';
