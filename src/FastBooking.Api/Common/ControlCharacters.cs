using System.Collections;
using System.Reflection;
using FastEndpoints;
using FluentValidation.Results;

namespace FastBooking.Api.Common;

/// <summary>
/// Every text a request carries — body, route and query alike — is free of control characters (tab, line feed and
/// carriage return excepted, for notes). A NUL would otherwise be refused by PostgreSQL (a 500) or end a parser early
/// (accepting "2026-12-10T10:00:00Z\0junk" as its prefix). Each offending field answers a field-level 400.
/// </summary>
public sealed class ControlCharacters : IGlobalPreProcessor
{
    public const string Message = "must not contain control characters";

    // Request types are few and fixed: their properties are looked up once, not on every request.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public async Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        if (context.Request is null || context.HttpContext.Response.HasStarted) return;
        var failures = new List<ValidationFailure>();
        Visit(context.Request, "", failures, depth: 0);
        if (failures.Count == 0) return;
        context.ValidationFailures.AddRange(failures);
        await context.HttpContext.Response.SendErrorsAsync(context.ValidationFailures, cancellation: ct);
    }

    public static bool IsClean(string text)
    {
        foreach (var c in text)
            if (c is (< ' ' and not ('\t' or '\n' or '\r')) or (>= '\u007f' and <= '\u009f')) return false;
        return true;
    }

    private static void Visit(object value, string path, List<ValidationFailure> failures, int depth)
    {
        if (depth > 8) return; // request DTOs are shallow; this bounds a pathological graph
        foreach (var property in Properties.GetOrAdd(value.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.CanWrite).ToArray()))
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            switch (property.GetValue(value))
            {
                case string text when !IsClean(text):
                    failures.Add(new ValidationFailure(name, Message));
                    break;
                case string or null:
                    break;
                case IEnumerable items:
                    var i = 0;
                    foreach (var item in items)
                    {
                        if (item is string s && !IsClean(s)) failures.Add(new ValidationFailure($"{name}[{i}]", Message));
                        else if (item is not null && IsDto(item.GetType())) Visit(item, $"{name}[{i}]", failures, depth + 1);
                        i++;
                    }
                    break;
                case var nested when IsDto(nested.GetType()):
                    Visit(nested, name, failures, depth + 1);
                    break;
            }
        }
    }

    private static bool IsDto(Type type) => type.IsClass && type.Namespace?.StartsWith("FastBooking.Api.Features", StringComparison.Ordinal) == true;
}
