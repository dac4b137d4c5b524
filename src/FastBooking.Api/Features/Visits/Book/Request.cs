using FastBooking.Api.Common;
using FastBooking.Application.Visits;
using FastBooking.Application.Visits.Book;
using FastEndpoints;
using FluentValidation;
using CustomerRequest = FastBooking.Api.Features.Appointments.Book.Request.CustomerRequest;

namespace FastBooking.Api.Features.Visits.Book;

public sealed class Request
{
    /// <summary>The visit's services in order (1 to 5), each with a staff member or, left out, anyone who performs it.</summary>
    public List<ItemRequest>? Items { get; set; }

    /// <summary>One staff member for every item (then no item names one).</summary>
    public bool SameStaff { get; set; }

    public string? Start { get; set; }
    public CustomerRequest? Customer { get; set; }
    public string? Notes { get; set; }

    public static Request Example => new()
    {
        Items = [new() { ServiceId = "00000000-0000-4000-8002-000000000006" }, new() { ServiceId = "00000000-0000-4000-8002-000000000001" }],
        Start = "2026-12-01T10:00:00+00:00",
        Customer = new CustomerRequest { Name = "Ada Lovelace", Phone = "+447700900123", Email = "ada@example.org" },
    };

    public sealed class ItemRequest
    {
        public string? ServiceId { get; set; }
        public string? StaffId { get; set; }
    }

    public IReadOnlyList<VisitItem> ToItems() =>
        Items!.Select(i => new VisitItem(Guid.Parse(i.ServiceId!), i.StaffId is null ? null : Guid.Parse(i.StaffId))).ToList();

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Items).Cascade(CascadeMode.Stop).NotNull().Must(i => i!.Count is >= 1 and <= VisitAnswer.MaxItems)
                .WithMessage($"must list 1 to {VisitAnswer.MaxItems} services");
            RuleForEach(r => r.Items).NotNull().ChildRules(i =>
            {
                i.RuleFor(x => x.ServiceId).ServiceId();
                i.RuleFor(x => x.StaffId).AnyOrStaffId();
            });
            RuleFor(r => r.Items).Must(i => i!.All(x => x?.StaffId is null)).WithMessage("with sameStaff, no item names a staff member")
                .When(r => r.SameStaff && r.Items is not null);
            RuleFor(r => r.Start).Instant();
            RuleFor(r => r.Customer).NotNull().SetValidator(new CustomerRequest.Rules()!);
            RuleFor(r => r.Notes).MaximumLength(2000);
        }
    }
}
