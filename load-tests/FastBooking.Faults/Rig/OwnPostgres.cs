using Npgsql;

namespace FastBooking.Faults.Rig;

/// <summary>
/// A PostgreSQL 15 cluster of this tool's own, in a temporary directory, on its own port and socket directory: it can be
/// stopped and restarted without touching the shared server on 5432. Initialised and run as the <c>postgres</c> OS user
/// (the server refuses to run as root); the engine logs in over TCP on 127.0.0.1 with a password, as in production.
/// </summary>
public sealed class OwnPostgres
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string Role = "fastbooking_faults";
    private const string Password = "fastbooking_faults";
    private const string Database = "fastbooking_faults";
    private static readonly TimeSpan CommandBound = TimeSpan.FromSeconds(60);

    private readonly string _root;
    private readonly int _port;
    private string DataDirectory => Path.Combine(_root, "pgdata");
    private string SocketDirectory => Path.Combine(_root, "pgsock");
    private string LogFile => Path.Combine(_root, "postgres.log");

    private OwnPostgres(string root, int port)
    {
        _root = root;
        _port = port;
    }

    public int Port => _port;
    public bool Running { get; private set; }

    /// <summary>What the engine and the checks connect with. No pooling for the checks: a restart breaks pooled connections.</summary>
    public string ConnectionString(int maxPoolSize) =>
        $"Host=127.0.0.1;Port={_port};Database={Database};Username={Role};Password={Password};Maximum Pool Size={maxPoolSize};SSL Mode=Disable;Max Auto Prepare=64";

    private string CheckConnectionString =>
        $"Host=127.0.0.1;Port={_port};Database={Database};Username={Role};Password={Password};Pooling=false;Timeout=5;Command Timeout=30";

    public static async Task<OwnPostgres> CreateAsync(string root, int port, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
            throw new InvalidOperationException(
                $"PostgreSQL 15 server binaries are not in {BinDirectory} (apt-get install postgresql-15): the fault tests run a PostgreSQL of their own.");
        await Ports.RequireFreeAsync(port, "PostgreSQL");
        var postgres = new OwnPostgres(root, port);
        Directory.CreateDirectory(postgres.DataDirectory);
        Directory.CreateDirectory(postgres.SocketDirectory);
        if (AsRoot) await Exec.RunAsync("chown", ["postgres:postgres", postgres.DataDirectory, postgres.SocketDirectory, root], CommandBound, ct);

        await postgres.AsServerUserAsync("initdb", ["-D", postgres.DataDirectory, "-U", "postgres", "-E", "UTF8", "--no-locale",
            "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"], ct);
        try
        {
            await postgres.StartAsync(ct);
            await postgres.CreateRoleAndDatabaseAsync(ct);
            return postgres;
        }
        catch
        {
            await postgres.ShutDownAsync();
            throw;
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        await AsServerUserAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60",
            "-o", $"-p {_port} -k {SocketDirectory} -c listen_addresses=127.0.0.1", "start"], ct);
        Running = true;
    }

    /// <summary>A fast shutdown: open sessions are disconnected, as in a restart for maintenance.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        Running = false;
        await AsServerUserAsync("pg_ctl", ["-D", DataDirectory, "-w", "-t", "60", "-m", "fast", "stop"], ct);
    }

    /// <summary>Stops the cluster if it runs; used on exit, so it must not throw.</summary>
    public async Task ShutDownAsync()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))) return;
        try { await AsServerUserAsync("pg_ctl", ["-D", DataDirectory, "-w", "-t", "30", "-m", "immediate", "stop"], CancellationToken.None); }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { Console.Error.WriteLine($"[faults] stopping PostgreSQL: {e.Message}"); }
        Running = false;
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(CheckConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async Task<T> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(ct))!, typeof(T));
    }

    private async Task CreateRoleAndDatabaseAsync(CancellationToken ct)
    {
        // The superuser reaches the cluster over its private socket directory (trust); everyone else needs the password.
        await using var admin = new NpgsqlConnection($"Host={SocketDirectory};Port={_port};Username=postgres;Database=postgres;Pooling=false");
        await admin.OpenAsync(ct);
        foreach (var sql in new[] { $"CREATE ROLE {Role} LOGIN PASSWORD '{Password}'", $"CREATE DATABASE {Database} OWNER {Role}" })
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static bool AsRoot => Environment.UserName == "root";

    private Task<string> AsServerUserAsync(string tool, string[] arguments, CancellationToken ct)
    {
        var path = Path.Combine(BinDirectory, tool);
        return AsRoot
            ? Exec.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], CommandBound, ct)
            : Exec.RunAsync(path, arguments, CommandBound, ct);
    }
}
