declare module '@vercel/ncc' {
  interface NccOptions {
    minify?: boolean;
    sourceMap?: boolean;
    license?: string;
    quiet?: boolean;
    target?: string;
    externals?: string[];
    transpileOnly?: boolean;
  }
  interface NccAsset {
    source: string | Buffer;
    permissions?: number;
  }
  export default function ncc(entry: string, options?: NccOptions): Promise<{ code: string; assets: Record<string, NccAsset> }>;
}
