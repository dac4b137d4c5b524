using NJsonSchema.Generation;

namespace FastBooking.Api.Common.OpenApi;

/// <summary>
/// Schema names a generated client can live with: an endpoint's own <c>Request</c>/<c>Response</c> takes its feature
/// folder's name (<c>Features.Appointments.Book.Request</c> → <c>AppointmentsBookRequest</c>), a nested type its
/// container's (<c>AppointmentResponseCustomerDto</c>), a generic one its arguments (<c>PageResponseOfStaffResponse</c>).
/// </summary>
public sealed class SchemaNames : ISchemaNameGenerator
{
    private const string Features = "FastBooking.Api.Features.";

    public string Generate(Type type) => Of(type);

    public static string Of(Type type)
    {
        if (type.IsGenericType)
            return Plain(type.Name[..type.Name.IndexOf('`')]) + "Of" + string.Concat(type.GetGenericArguments().Select(Of));
        var outer = type;
        var name = type.Name;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring;
            name = outer.Name + name;
        }
        var ns = outer.Namespace ?? "";
        if (outer.Name is "Request" or "Response" && ns.StartsWith(Features, StringComparison.Ordinal))
            name = string.Concat(ns[Features.Length..].Split('.')) + name;
        return Plain(name);
    }

    private static string Plain(string name) => name.Replace("`", "");
}
