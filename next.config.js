// Next.js configuration. Native and model packages stay outside the server bundle: they are
// loaded by Node at run time from node_modules.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "onnxruntime-node",
    "@huggingface/transformers",
    "sharp",
    "@node-rs/argon2",
    "pino",
    "socket.io",
    "bullmq",
    "ioredis",
    "unpdf",
  ],
  // Type-checking is its own step (`npm run typecheck`, run by CI), not repeated in every build.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/((?!widget).*)",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;
