/** The version of the HTTP contract: `API-Version` on every answer and `info.version` of OpenAPI. */
export const API_VERSIE = '1.0.0';
