-- Deadlines and identification rules for appeals, as settings an administrator can change.
-- Points the law reference marks [verify] are values here, not code.
INSERT INTO "settings" ("key", "value") VALUES
('appeals.deadlines', '{
  "answerDays": 30,
  "forwardDays": 7,
  "extensionMaxDays": 30,
  "extensionsAllowed": 1,
  "infoRequestAnswerDays": 30,
  "infoRequestExtensionMaxDays": 15,
  "infoRequestExtensionNoticeDays": 7,
  "withoutAnswerNoticeDays": 7,
  "nonWorkingDayRule": "previous",
  "remindWorkingDaysBefore": 3
}'::jsonb),
('appeals.identification', '{
  "esiaLevels": ["standard", "verified"],
  "allowEmailAccounts": false
}'::jsonb)
ON CONFLICT ("key") DO NOTHING;
