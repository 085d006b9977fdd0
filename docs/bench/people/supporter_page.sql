\set id random(1, 1200000)
BEGIN READ ONLY;
WITH RECURSIVE chain (id, merged_into_id, depth) AS (SELECT id, merged_into_id, 0 FROM person WHERE id = :id UNION ALL SELECT p.id, p.merged_into_id, c.depth + 1 FROM person p JOIN chain c ON p.id = c.merged_into_id WHERE c.depth < 100) SELECT id FROM chain WHERE merged_into_id IS NULL;
WITH RECURSIVE chain (id, merged_into_id, depth) AS (SELECT id, merged_into_id, 0 FROM person WHERE id = :id UNION ALL SELECT p.id, p.merged_into_id, c.depth + 1 FROM person p JOIN chain c ON p.id = c.merged_into_id WHERE c.depth < 100) SELECT id FROM chain WHERE merged_into_id IS NULL;
SELECT * FROM person WHERE id = :id;
SELECT * FROM person_email WHERE person_id = :id ORDER BY id;
SELECT * FROM person_phone WHERE person_id = :id ORDER BY id;
SELECT t.* FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = :id;
SELECT id, author, body, created_at FROM person_note WHERE person_id = :id ORDER BY created_at DESC, id DESC LIMIT 200;
(SELECT created_at AS occurred_at, 'CREATED' AS kind, 'Added as a supporter' AS title, CASE WHEN source IS NULL THEN NULL ELSE 'Source: ' || source END AS detail, NULL AS status FROM person WHERE id = :id)
UNION ALL (SELECT occurred_at, 'SUBSCRIPTION', email, cause || coalesce(' · ' || source, ''), status FROM subscription_event WHERE person_id = :id ORDER BY occurred_at DESC LIMIT 200)
UNION ALL (SELECT created_at, 'NOTE', 'Note by ' || author, body, NULL FROM person_note WHERE person_id = :id ORDER BY created_at DESC LIMIT 200)
UNION ALL (SELECT updated_at, 'MERGE', 'Merged duplicate #' || id || ' into this supporter', NULL, NULL FROM person WHERE merged_into_id = :id ORDER BY updated_at DESC LIMIT 200)
ORDER BY occurred_at DESC LIMIT 200;
COMMIT;
