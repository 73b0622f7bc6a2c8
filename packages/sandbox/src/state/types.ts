/** Records owned by the sandbox state rather than the generated world. */

/** An analytics annotation (api-contract §7.2, emulator default shape). */
export interface AnnotationRecord {
  id: string;
  org_id: string;
  project_id: string | null;
  entity: "creator" | "video" | "campaign" | "project" | null;
  entity_id: string | null;
  date: string;
  kind: string;
  label: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}
