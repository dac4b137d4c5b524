using FastBooking.Api.Common;
using FastBooking.Application.Appointments;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Appointments.Book;

public sealed class Request
{
    public string? ServiceId { get; set; }
    public string? StaffId { get; set; }
    public string? Start { get; set; }
    public CustomerRequest? Customer { get; set; }
    public string? Notes { get; set; }
    public string? HoldToken { get; set; }

    public static Request Example => new()
    {
        ServiceId = "00000000-0000-4000-8002-000000000001", Start = "2026-12-01T10:00:00+00:00",
        Customer = new CustomerRequest { Name = "Ada Lovelace", Phone = "+447700900123", Email = "ada@example.org" },
        Notes = "Skin fade, no beard trim.",
    };

    public sealed class CustomerRequest
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }

        public Customer ToCustomer() => new(Name!, Phone, Email);

        /// <summary>The customer's rules, for every body that books.</summary>
        public sealed class Rules : AbstractValidator<CustomerRequest>
        {
            public Rules()
            {
                RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
                RuleFor(c => c.Phone).MaximumLength(50);
                RuleFor(c => c.Email).MaximumLength(254).EmailAddress();
            }
        }
    }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ServiceId).ServiceId();
            RuleFor(r => r.StaffId).AnyOrStaffId();
            RuleFor(r => r.Start).Instant();
            RuleFor(r => r.Customer).NotNull().SetValidator(new CustomerRequest.Rules()!);
            RuleFor(r => r.Notes).MaximumLength(2000);
            RuleFor(r => r.HoldToken).MaximumLength(100);
        }
    }
}
