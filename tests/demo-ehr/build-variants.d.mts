export declare const VARIANTS_SRC_DIR: string;
export declare const BUILT_VARIANTS_DIR: string;
export declare function variantSources(): Array<{ name: string; file: string }>;
export declare function buildVariants(options?: { force?: boolean; quiet?: boolean }): Promise<string[]>;
