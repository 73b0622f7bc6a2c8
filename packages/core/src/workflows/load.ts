/**
 * Loading what the workflows analyse: whole lists, paginated to completion with the largest page size,
 * each reported as progress. The campaign lookup goes through the list because the API has no
 * single-campaign route.
 * @module
 */
import type { Campaign } from "../schema/campaign.js";
import type { Creator } from "../schema/creator.js";
import type { Project } from "../schema/project.js";
import type { Video } from "../schema/video.js";
import { WorkflowParamsError } from "./catalogue/params-error.js";
import { fetchAll, PAGE_LIMIT } from "./fetch.js";
import type { WorkflowRun } from "./run.js";

export function loadProjects(run: WorkflowRun): Promise<Project[]> {
  return fetchAll(
    run.client.projects.list({ limit: PAGE_LIMIT }, run.requestOptions),
    run.pageProgress("projects"),
  );
}

export function loadCampaigns(run: WorkflowRun, projectId?: string): Promise<Campaign[]> {
  const query = projectId ? { project_id: projectId, limit: PAGE_LIMIT } : { limit: PAGE_LIMIT };
  return fetchAll(run.client.campaigns.list(query, run.requestOptions), run.pageProgress("campaigns"));
}

export function loadCreators(run: WorkflowRun, projectId: string): Promise<Creator[]> {
  return fetchAll(
    run.client.creators.list({ project_id: projectId, limit: PAGE_LIMIT }, run.requestOptions),
    run.pageProgress("creators"),
  );
}

export function loadProjectVideos(run: WorkflowRun, projectId: string): Promise<Video[]> {
  return fetchAll(
    run.client.videos.list({ project_id: projectId, limit: PAGE_LIMIT }, run.requestOptions),
    run.pageProgress("videos"),
  );
}

export function loadCreatorVideos(run: WorkflowRun, creatorId: string): Promise<Video[]> {
  return fetchAll(
    run.client.videos.list({ creator_id: creatorId, limit: PAGE_LIMIT }, run.requestOptions),
    run.pageProgress("videos"),
  );
}

/**
 * A params error for an id the lists do not hold: the caller has to change the param, so it is a
 * {@link WorkflowParamsError} naming the field, not an API error the API never sent.
 */
export function notFound(run: WorkflowRun, field: string, what: string, id: string, projectId?: string) {
  const where = projectId ? ` in project ${projectId}` : "";
  return WorkflowParamsError.notFound(
    run.workflow,
    field,
    `no ${what} ${id}${where} (or it is not visible to this API key)`,
  );
}

/** Finds a campaign among the project's (or, without a project, the org's) campaigns. */
export async function findCampaign(
  run: WorkflowRun,
  campaignId: string,
  projectId?: string,
): Promise<{ campaign: Campaign; all: Campaign[] }> {
  const all = await loadCampaigns(run, projectId);
  const campaign = all.find((c) => c.id === campaignId);
  if (!campaign) throw notFound(run, "campaign_id", "campaign", campaignId, projectId);
  return { campaign, all };
}

/**
 * Throws a params error when the project is not among the key's projects. Called only when a project's
 * lists came back empty, where an unknown id and an empty project would otherwise look alike.
 */
export async function requireProject(run: WorkflowRun, projectId: string): Promise<Project> {
  const project = (await run.once("projects", () => loadProjects(run))).find((p) => p.id === projectId);
  if (!project) throw notFound(run, "project_id", "project", projectId);
  return project;
}
