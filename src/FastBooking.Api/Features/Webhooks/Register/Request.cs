using FastBooking.Application.ChangeFeed;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Webhooks.Register;

/// <summary>Where to send events, and which types (none: every type).</summary>
public sealed class Request
{
    public string? Url { get; set; }
    public List<string>? EventTypes { get; set; }

    public static Request Example => new() { Url = "https://salon-app.example.com/hooks/fastbooking", EventTypes = [Application.ChangeFeed.EventTypes.Booked] };

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Url).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(2000)
                .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0)
                .WithMessage("must be an absolute http or https URL without credentials");
            RuleFor(r => r.EventTypes!).Must(t => t.Count <= Application.ChangeFeed.EventTypes.All.Count).WithMessage("too many event types")
                .When(r => r.EventTypes is not null);
            RuleForEach(r => r.EventTypes).Must(t => Application.ChangeFeed.EventTypes.All.Contains(t))
                .WithMessage($"must be one of {string.Join(", ", Application.ChangeFeed.EventTypes.All)}");
        }
    }
}
