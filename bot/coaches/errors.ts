/** Typed failures of the coach and admin services; routes map each to one HTTP status. */
export class CoachApiError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends CoachApiError {
  constructor(what: string) {
    super(404, 'NotFound', `No such ${what}.`);
  }
}

/** The row exists but belongs to another coach. */
export class ForbiddenError extends CoachApiError {
  constructor(what: string) {
    super(403, 'Forbidden', `This ${what} belongs to another coach.`);
  }
}

export class ConflictError extends CoachApiError {
  constructor(message: string) {
    super(409, 'Conflict', message);
  }
}

export class ValidationError extends CoachApiError {
  constructor(message: string) {
    super(400, 'BadRequest', message);
  }
}
