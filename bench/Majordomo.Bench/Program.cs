using Majordomo.Bench.Cli;
using Majordomo.Bench.Load;
using Majordomo.Bench.Report;
using Majordomo.Bench.Servers;

// End-to-end benchmark tools for Majordomo; bench/run-e2e.sh drives them. See bench/README.md.
const string Usage = """
    usage: Majordomo.Bench <command> [options]
      mock     [--port 0] [--chunks 20 | env MOCK_CHUNKS] [--delay-ms 0 | env MOCK_DELAY_MS] [--paced]
               fake OpenAI upstream on 127.0.0.1 (per request: ?chunks=&delay_ms= or x-mock-chunks / x-mock-delay-ms);
               --paced: chunks on one shared clock ticking every --delay-ms, each numbered (#i;) for the order check
      hop      --upstream http://127.0.0.1:PORT [--port 0]
               reference hop: bare pass-through proxy (Kestrel in, pooled HttpClient out)
      latency  --url http://127.0.0.1:PORT/v1/chat/completions [--model mock/bench-model] [--stream]
               [--warmup 1000] [--requests 2000] [--target NAME] [--section latency] [--out results.tsv] [--max-seconds 120]
               sequential requests on one keep-alive connection; p50/p90/p99 and time to first chunk
      paced    --url http://127.0.0.1:PORT/v1/chat/completions [--pid GATEWAY_PID] [--streams 5000] [--chunks 100]
               [--ramp-seconds 10] [--seconds 30] [--model paced/bench-model] [--out results.tsv]
               N concurrent streams from `mock --paced`: errors, order, time to first chunk, gateway RSS/handles
      soak     --url ... --pid GATEWAY_PID [--seconds 600] [--rate 100] [--paced-streams 200] [--sample-seconds 10] [--out F]
               steady mixed load; gateway RSS, handles and threads sampled, slopes per minute
      startup  --dll majordomo.dll|EXECUTABLE --config FILE --url http://127.0.0.1:PORT/v1/chat/completions [--runs 5]
               [--env NAME=VALUE,NAME=VALUE] [--label L] [--out F] [--steady 0]
               time from `serve` to the first answered request (wall and the gateway's CPU), the first and second
               requests' latency; --steady N: then N more, median latency and gateway CPU a request over the last half
      body     [--model mock/bench-model] [--stream]
               print the benchmark request body (what wrk sends)
      report   --in results.tsv [--strict]
               markdown tables and SPEC §6 bars from a results file
      decision [BenchmarkDotNet arguments, e.g. --filter '*']
               routing decision benchmark (rules + heuristic classifier + selection, 50 models), in process
      decisiontime [--case long|short|read|tokens|scan|cues|learned|escaped|escapedscan] [--seconds 3]
               one decision case in batches of ten: wall p10/p50 and process CPU per call (for loaded machines)
      loopguard [BenchmarkDotNet arguments]
               loop guard cost on a 50-message agent conversation, in process
      ledger   [BenchmarkDotNet arguments]
               the budget ledger's steps on the request path (degradation look, admission), in process
      telemetry [BenchmarkDotNet arguments]
               per-request recording cost (instruments + attempt hook), with and without listeners, in process
      relay    [BenchmarkDotNet arguments] | --cpu-pairs N | chunks [BenchmarkDotNet arguments]
               the gateway's stream inspection per request (SSE reader + OpenAI relay), in process
      pipeline [--pairs 10] [--requests 4000] [--connections 4] [--warmup 20000] [--modes nonstream,stream] [--alloc-types]
               [--gateway-only-seconds S] [--only hop|majordomo]
               mock, reference hop and the gateway in this process; alternating blocks, CPU-µs and allocated bytes per request
      requestlog [--pairs 3] [--rows 20000] [--batch 500] [--only baseline|store] [--through-writer | --json]
               the request-log writer's CPU-µs and allocated bytes per row into a real SQLite file, baseline and
               the store's appender alternating, in process; --through-writer: enqueued into a started RequestLogWriter
      requestpath [--rounds 21] [--calls 200000]
               per-request pieces outside the relay (metrics, header limit, response headers), each against the code
               it replaced, alternating in process; CPU ns and allocated bytes per call
      hostpath [--rounds 15] [--calls 50000] [--answered]
               the framework's per-request work without sockets (hop's host against the gateway's); --answered: a chat
               request answered by the mock, whole and streamed, through the hop's handler and the real gateway
      replay   [--requests 300000] [--config examples/openclaw-copilot-quota.json]
               majordomo simulate's replay speed on a synthetic month of request-log rows, timed, in process
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

if (args[0] == "decision")
{
    return Majordomo.Bench.Decision.DecisionBenchmarks.Run(args[1..]);
}

if (args[0] == "loopguard")
{
    return Majordomo.Bench.LoopGuard.LoopGuardBenchmarks.Run(args[1..]);
}

if (args[0] == "relay")
{
    return Majordomo.Bench.Relay.StreamRelayBenchmarks.Run(args[1..]);
}

if (args[0] == "ledger")
{
    return Majordomo.Bench.Budgets.LedgerBenchmarks.Run(args[1..]);
}

if (args[0] == "telemetry")
{
    return Majordomo.Bench.Telemetry.TelemetryBenchmarks.Run(args[1..]);
}

try
{
    var options = BenchArgs.Parse(args.AsSpan(1));
    return args[0] switch
    {
        "mock" => await RunMockAsync(options),
        "hop" => await RunHopAsync(options),
        "latency" => LatencyRun.Run(options),
        "paced" => PacedRun.Run(options),
        "soak" => SoakRun.Run(options),
        "startup" => StartupRun.Run(options),
        "body" => PrintBody(options),
        "report" => MarkdownReport.Run(options),
        "pipeline" => await PipelineRun.RunAsync(options),
        "requestlog" => Majordomo.Bench.RequestLog.RequestLogRun.Run(options),
        "requestpath" => Majordomo.Bench.RequestPath.RequestPathRun.Run(options),
        "hostpath" => await Majordomo.Bench.RequestPath.HostPathRun.RunAsync(options),
        "replay" => await Majordomo.Bench.Simulation.ReplayRun.RunAsync(options),
        "decisiontime" => Majordomo.Bench.Decision.DecisionTimer.Run(options),
        _ => UnknownCommand(args[0]),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

static async Task<int> RunMockAsync(BenchArgs options)
{
    var port = options.GetInt("port", null, 0, 0, 65535);
    var chunks = options.GetInt("chunks", "MOCK_CHUNKS", 20, MockPayloads.MinChunks, MockPayloads.MaxChunks);
    var delayMs = options.GetInt("delay-ms", "MOCK_DELAY_MS", 0, 0, 60_000);
    var paced = options.GetFlag("paced");
    options.EnsureAllRead();
    if (paced && delayMs == 0)
    {
        throw new ArgumentException("--paced needs --delay-ms (the clock's interval)");
    }

    using var clock = paced ? new PacedClock(TimeSpan.FromMilliseconds(delayMs)) : null;
    var mock = new MockUpstream(chunks, delayMs, clock);
    await LoopbackServer.RunAsync($"mock (chunks={chunks}, delay={delayMs}ms{(paced ? ", paced" : "")})", port, mock.HandleAsync);
    return 0;
}

static async Task<int> RunHopAsync(BenchArgs options)
{
    var port = options.GetInt("port", null, 0, 0, 65535);
    var upstream = new Uri(options.GetRequired("upstream"), UriKind.Absolute);
    options.EnsureAllRead();
    var hop = new ReferenceHop(upstream);
    await LoopbackServer.RunAsync($"hop (-> {upstream})", port, hop.HandleAsync);
    return 0;
}

static int PrintBody(BenchArgs options)
{
    var model = options.GetString("model") ?? "mock/bench-model";
    var stream = options.GetFlag("stream");
    options.EnsureAllRead();
    Console.Write(RequestBodies.Chat(model, stream));
    return 0;
}

static int UnknownCommand(string command)
{
    Console.Error.WriteLine($"unknown command '{command}'");
    Console.Error.WriteLine(Usage);
    return 2;
}
