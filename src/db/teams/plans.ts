// The one statement the Teams store writes by hand (the rest go through Prisma), a
// named builder as src/db/scheduling/plans.ts keeps them: its row goes in as ONE JSON
// parameter read with json_to_record.

/**
 * Remembers where a conversation is, writing only when something changed: every
 * activity tells us, most tell us nothing new, and an unchanged row is left alone
 * (a refused button press writes nothing).
 */
export const rememberConversation = () => `
  INSERT INTO teams_conversation (conversation_id, user_aad_object_id, conversation_type, reference)
  SELECT x.conversation_id, x.user_aad_object_id, x.conversation_type, x.reference
  FROM json_to_record($1::json) AS x(conversation_id text, user_aad_object_id text, conversation_type text, reference jsonb)
  ON CONFLICT (conversation_id) DO UPDATE
    SET user_aad_object_id = excluded.user_aad_object_id,
        conversation_type = excluded.conversation_type,
        reference = excluded.reference,
        updated_at = CURRENT_TIMESTAMP
    WHERE (teams_conversation.user_aad_object_id, teams_conversation.conversation_type, teams_conversation.reference)
      IS DISTINCT FROM (excluded.user_aad_object_id, excluded.conversation_type, excluded.reference)`;
