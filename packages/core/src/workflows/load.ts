/**
 * Loading what the workflows analyse: whole lists, paginated to completion with the largest page size,
 * each reported as progress. The campaign lookup goes through the list because the API has no
 * single-campaign route.
 * @module
 */
import { NotFoundError } from "../client/errors.js";
import type { Campaign } from "../schema/campaign.js";
import type { Creator } from "../schema/creator.js";
import type { Project } from "../schema/project.js";
import type { Video } from "../schema/video.js";
import { fetchAll, PAGE_LIMIT } from "./fetch.js";
import type { WorkflowRun } from "./run.js";

export function loadProjects(run: WorkflowRun): Promise<Project[]> {
  return fetchAll(run.client.projects.list({ limit: PAGE_LIMIT }), run.pageProgress("projects"));
}

export function loadCampaigns(run: WorkflowRun, projectId?: string): Promise<Campaign[]> {
  const query = projectId ? { project_id: projectId, limit: PAGE_LIMIT } : { limit: PAGE_LIMIT };
  return fetchAll(run.client.campaigns.list(query), run.pageProgress("campaigns"));
}

export function loadCreators(run: WorkflowRun, projectId: string): Promise<Creator[]> {
  return fetchAll(
    run.client.creators.list({ project_id: projectId, limit: PAGE_LIMIT }),
    run.pageProgress("creators"),
  );
}

export function loadProjectVideos(run: WorkflowRun, projectId: string): Promise<Video[]> {
  return fetchAll(
    run.client.videos.list({ project_id: projectId, limit: PAGE_LIMIT }),
    run.pageProgress("videos"),
  );
}

export function loadCreatorVideos(run: WorkflowRun, creatorId: string): Promise<Video[]> {
  return fetchAll(
    run.client.videos.list({ creator_id: creatorId, limit: PAGE_LIMIT }),
    run.pageProgress("videos"),
  );
}

/** Throws the client's NotFoundError, so callers handle a missing id one way whatever found it missing. */
export function notFound(what: string, id: string): NotFoundError {
  return new NotFoundError(`${what} ${id} not found (or not visible to this API key)`, {
    status: 404,
    code: "not_found",
  });
}

/** Finds a campaign among the project's (or, without a project, the org's) campaigns. */
export async function findCampaign(
  run: WorkflowRun,
  campaignId: string,
  projectId?: string,
): Promise<{ campaign: Campaign; all: Campaign[] }> {
  const all = await loadCampaigns(run, projectId);
  const campaign = all.find((c) => c.id === campaignId);
  if (!campaign) throw notFound("campaign", campaignId);
  return { campaign, all };
}
