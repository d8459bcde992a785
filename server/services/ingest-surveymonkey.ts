import "server-only";

/**
 * SurveyMonkey's webhooks name a response without its answers; this reads the response and the
 * survey (to know what the chosen choice ids mean) with the workspace's access token. The API's
 * base URL comes from SURVEYMONKEY_API_URL (default https://api.surveymonkey.com), which is how a
 * regional data centre (api.eu.surveymonkey.com) or a test server is reached.
 */
export class SurveyMonkeyFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SurveyMonkeyFetchError";
  }
}

async function getJson(url: string, accessToken: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new SurveyMonkeyFetchError(`SurveyMonkey could not be reached (${(error as Error).message}).`);
  }
  if (!response.ok) {
    throw new SurveyMonkeyFetchError(
      `SurveyMonkey answered ${response.status} to ${new URL(url).pathname}; check the access token.`,
    );
  }
  return response.json();
}

/** The response details and the survey details of one SurveyMonkey response. */
export async function fetchSurveyMonkeyResponse(accessToken: string, surveyId: string, responseId: string) {
  const base = (process.env.SURVEYMONKEY_API_URL || "https://api.surveymonkey.com").replace(/\/+$/, "");
  const survey = encodeURIComponent(surveyId);
  const [response, details] = await Promise.all([
    getJson(`${base}/v3/surveys/${survey}/responses/${encodeURIComponent(responseId)}/details`, accessToken),
    getJson(`${base}/v3/surveys/${survey}/details`, accessToken),
  ]);
  return { response, survey: details };
}
