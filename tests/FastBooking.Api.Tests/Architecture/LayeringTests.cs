using System.Reflection;
using FastBooking.Application.Common;

namespace FastBooking.Api.Tests.Architecture;

/// <summary>The dependency direction the tree shows — Api → Application → Domain, Infrastructure → Application — held by the compiled assemblies.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Application = typeof(Outcome<>).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    [Fact]
    public void The_application_layer_depends_on_the_domain_and_abstractions_only()
    {
        var references = Application.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("FastBooking.Domain", references);
        Assert.DoesNotContain(references, r => r.StartsWith("FastBooking.Infrastructure") || r.StartsWith("FastBooking.Api")
            || r.StartsWith("Microsoft.EntityFrameworkCore") || r.StartsWith("Npgsql") || r.StartsWith("StackExchange.Redis")
            || r.StartsWith("Microsoft.AspNetCore") || r.StartsWith("FastEndpoints"));
    }

    [Fact]
    public void No_api_type_takes_or_holds_a_persistence_type()
    {
        var offenders = Api.GetTypes()
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters().Select(p => (t, p.ParameterType)))
                .Concat(t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Select(f => (t, f.FieldType)))
                .Concat(t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Select(p => (t, p.PropertyType))))
            .Where(x => x.Item2.Namespace?.StartsWith("FastBooking.Infrastructure", StringComparison.Ordinal) == true
                        || x.Item2.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true)
            .Select(x => $"{x.t.FullName} uses {x.Item2.FullName}")
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Every_endpoint_sits_in_its_area_and_action_folder()
    {
        var endpoints = Api.GetTypes().Where(t => t.Name == "Endpoint" && !t.IsAbstract && t.Namespace?.StartsWith("FastBooking.Api.Features.") == true).ToList();
        var misplaced = Api.GetTypes()
            .Where(t => !t.IsAbstract && t.IsClass && typeof(FastEndpoints.IEndpoint).IsAssignableFrom(t) && t.Name != "Endpoint")
            .Select(t => t.FullName!)
            .ToList();

        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found");
        Assert.True(misplaced.Count == 0, "endpoints not named Endpoint in Features/<Area>/<Action>/: " + string.Join(", ", misplaced));
        Assert.All(endpoints, e => Assert.True(e.Namespace!.Split('.').Length >= 5, $"{e.FullName} is not in Features/<Area>/<Action>/"));
    }
}
