using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using FastBooking.Api.Common;
using FastBooking.Application.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FastBooking.Api.Auth;

/// <summary>
/// The platform admin key (<c>X-Admin-Key</c>, <see cref="ApiOptions.AdminKey"/>), compared in constant time. As an
/// authentication scheme it is checked before the endpoint reads the body, so nothing about the body is revealed to a
/// caller without it; wrong keys count against the caller's address like wrong API keys.
/// </summary>
public sealed class AdminKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<ApiOptions> settings, AuthenticationFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminKey";
    public const string Header = "X-Admin-Key";
    private const string Throttled = "fastbooking.admin-throttled";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var given)) return Task.FromResult(AuthenticateResult.NoResult());
        // Comparing costs nothing: the right key is let in whatever others did from this address.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(settings.Value.AdminKey)))
        {
            if (!failures.Allows(Context))
            {
                Context.Items[Throttled] = true;
                return Task.FromResult(AuthenticateResult.Fail("Too many failed authentications from this address."));
            }
            failures.Failed(Context);
            return Task.FromResult(AuthenticateResult.Fail("Wrong admin key."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "platform-admin")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(Throttled))
        {
            await Throttling.TooManyAsync(Context, failures.Window);
            return;
        }
        Response.Headers.WWWAuthenticate = SchemeName;
        await new Problem(ErrorCode.Unauthorized, $"This call needs the platform admin key in {Header}.").ExecuteAsync(Context);
    }
}
