CREATE TABLE "sealed_file_chunks" (
	"file_id" uuid NOT NULL,
	"chunk" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "sealed_file_chunks_file_id_chunk_pk" PRIMARY KEY("file_id","chunk")
);
