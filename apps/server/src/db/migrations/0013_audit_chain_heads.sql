CREATE TABLE "audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"chain_seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_chain_heads" ("chain", "chain_seq", "hash")
  SELECT DISTINCT ON ("chain") "chain", "chain_seq", "hash" FROM "audit_log"
  WHERE "chain" IS NOT NULL ORDER BY "chain", "chain_seq" DESC;
