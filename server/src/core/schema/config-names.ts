/** The name of a team's configuration file, at the root of a workspace folder. */
export const CONFIG_FILE_NAME = '.fragmentrc.json';

export const severitySettings = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof severitySettings)[number];
