export declare const HEADER: string;
export declare function derivePostgresSchema(sqliteSchema: string): string;
