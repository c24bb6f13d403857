namespace Majordomo.Config.Validation;

/// <summary><c>server</c> (listen URLs, body limit, gateway keys) and <c>storage</c>.</summary>
internal static class ServerValidator
{
    public static void Validate(ValidationContext c)
    {
        Server(c, c.Config.Server);
        Storage(c, c.Config.Storage);
    }

    private static void Server(ValidationContext c, ServerConfig? server)
    {
        if (server is null)
        {
            return;
        }

        c.Unknown(server, "server");
        Each(c, server.Urls, "server.urls", static url => ValidationContext.IsHttpUrl(url, out _), "an http(s) URL");

        if (server.MaxRequestBytes is { } max && (max < 1024 || max > 1L << 31))
        {
            c.Error("server.maxRequestBytes", $"must be between 1024 and {1L << 31} (got {max})");
        }

        Cors(c, server.Cors);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (server.ApiKeys?.Count ?? 0); i++)
        {
            var key = server.ApiKeys![i];
            var path = ConfigPath.Index("server.apiKeys", i);
            c.Unknown(key, path);
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                c.Error(path + ".name", "is required");
            }
            else if (!names.Add(key.Name))
            {
                c.Error(path + ".name", $"duplicate key name '{key.Name}'");
            }

            if (string.IsNullOrEmpty(key.Key))
            {
                c.Error(path + ".key", "is required (use ${ENV_NAME} so the key stays out of the file)");
            }
            else if (key.Key.Length < 8)
            {
                c.Error(path + ".key", "is too short (at least 8 characters)");
            }
            else if (!keys.Add(key.Key))
            {
                // Never echo the key itself.
                c.Error(path + ".key", "the same key is configured twice");
            }

            c.NonNegative(key.UsdDaily, path + ".usdDaily");
            c.NonNegative(key.UsdMonthly, path + ".usdMonthly");
            if (key.RequestsDaily is < 0)
            {
                c.Error(path + ".requestsDaily", "must not be negative");
            }

            if (key.RequestsMonthly is < 0)
            {
                c.Error(path + ".requestsMonthly", "must not be negative");
            }
        }
    }

    private static void Cors(ValidationContext c, CorsConfig? cors)
    {
        if (cors is null)
        {
            return;
        }

        c.Unknown(cors, "server.cors");
        // An origin is scheme://host[:port], nothing after it; a browser sends exactly that.
        Each(c, cors.Origins, "server.cors.origins",
            static origin => origin == "*" || (ValidationContext.IsHttpUrl(origin, out var uri) && uri.PathAndQuery == "/" && !origin.EndsWith('/')),
            "an origin such as https://app.example.com (or \"*\")");
    }

    /// <summary>Reports, at its index, each entry of <paramref name="list"/> that is not <paramref name="expected"/>.</summary>
    private static void Each(ValidationContext c, List<string>? list, string path, Func<string, bool> valid, string expected)
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (!valid(list![i]))
            {
                c.Error(ConfigPath.Index(path, i), $"'{list[i]}' is not {expected}");
            }
        }
    }

    private static void Storage(ValidationContext c, StorageConfig? storage)
    {
        if (storage is null)
        {
            return;
        }

        c.Unknown(storage, "storage");
        if (storage.OnOutage is not null)
        {
            c.OneOf(storage.OnOutage, OutageModes.All, "storage.onOutage", "mode");
        }

        c.Range(storage.RetentionDays, 1, 36_500, "storage.retentionDays");
        if (storage.Sqlite is { Length: 0 })
        {
            c.Error("storage.sqlite", "must be a file path");
        }

        if (storage.Postgres is { } postgres)
        {
            if (storage.Sqlite is not null)
            {
                c.Error("storage", "set storage.sqlite or storage.postgres, not both");
            }

            if (PostgresProblem(postgres) is { } problem)
            {
                c.Error("storage.postgres", problem);
            }
        }
    }

    /// <summary>
    /// The shape of a connection string (<c>Host=…;Database=…</c>). Keywords are checked by the driver
    /// at start and by <c>majordomo check</c>. Messages never quote the string: it may hold a password.
    /// </summary>
    private static string? PostgresProblem(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "must be a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=${PGPASSWORD})";
        }

        var parsed = new System.Data.Common.DbConnectionStringBuilder();
        try
        {
            parsed.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "is not a connection string of Key=Value pairs separated by ';' (e.g. Host=db;Database=majordomo;Username=majordomo)";
        }

        return parsed.ContainsKey("Host") || parsed.ContainsKey("Server")
            ? null
            : "names no Host (e.g. Host=db.internal;Port=5432;Database=majordomo;Username=majordomo)";
    }
}
