using System.Net.Sockets;
using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// Where the tests' PostgreSQL and Redis come from, decided once per run, for every fixture:
/// <list type="number">
/// <item>FASTBOOKING_TEST_POSTGRES / FASTBOOKING_TEST_REDIS when set (scripts/test.sh sets them to the loopback
/// services it starts, and to its Redis Cluster for the second run);</item>
/// <item>otherwise, where a Docker engine answers, a PostgreSQL 15 and a Redis container started with Testcontainers
/// (removed when the run ends);</item>
/// <item>otherwise the loopback defaults scripts/services.sh uses.</item>
/// </list>
/// </summary>
public static class TestServices
{
    private const string LoopbackPostgres =
        "Host=127.0.0.1;Port=5432;Database=fastbooking_test;Username=fastbooking;Password=fastbooking;SSL Mode=Disable;Max Auto Prepare=64";
    private const string LoopbackRedis = "127.0.0.1:6379";

    private static readonly Lazy<(string Postgres, string Redis)> Resolved = new(Resolve);

    public static string Postgres => Resolved.Value.Postgres;

    /// <summary>One Redis ("127.0.0.1:6379"), or the seed nodes of a Redis Cluster ("127.0.0.1:7001,…").</summary>
    public static string Redis => Resolved.Value.Redis;

    private static (string, string) Resolve()
    {
        var postgres = Environment.GetEnvironmentVariable("FASTBOOKING_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("FASTBOOKING_TEST_REDIS");
        if (postgres is null && redis is null && DockerAnswers()) return StartContainers();
        return (postgres ?? LoopbackPostgres, redis ?? LoopbackRedis);
    }

    private static bool DockerAnswers()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"))) return true;
        const string socket = "/var/run/docker.sock";
        if (!File.Exists(socket)) return false;
        try
        {
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            probe.Connect(new UnixDomainSocketEndPoint(socket));
            return true;
        }
        catch (SocketException)
        {
            return false; // a socket file nobody listens on
        }
    }

    private static (string, string) StartContainers()
    {
        var postgres = new PostgreSqlBuilder("postgres:15-alpine")
            .WithUsername("fastbooking").WithPassword("fastbooking").WithDatabase("fastbooking_test").Build();
        var redis = new RedisBuilder("redis:7-alpine").Build();
        Task.WaitAll(postgres.StartAsync(), redis.StartAsync());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Task.WaitAll(Stop(postgres), Stop(redis));
        return (postgres.GetConnectionString() + ";SSL Mode=Disable;Max Auto Prepare=64", redis.GetConnectionString());
    }

    private static Task Stop(IContainer container) => container.DisposeAsync().AsTask();
}
