/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its WebAssembly and data files; bundling them copies ~15 MB into static media.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
