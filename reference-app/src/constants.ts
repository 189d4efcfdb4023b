/** Names shared by the reference app and the suite's reference-only checks (no imports: the suite loads this). */
export const HELLOWORK_CLIENT_ID = 'hellowork-internet-service';
